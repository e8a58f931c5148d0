/*
 * The floor of any sFlow collector on this machine: a bare recvmmsg loop that receives datagrams and does nothing
 * with them. Its CPU per datagram is what the kernel charges for delivering a datagram to user space; its lossless
 * rate is bounded by the sender. run.sh runs it beside the real collectors ("floor").
 *
 * usage: recvmmsg-floor PORT RCVBUF    prints the number of datagrams received on SIGTERM or SIGINT
 * (datagrams of 4 bytes or fewer are not counted: run.sh sends such "wake" datagrams to its collectors)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static volatile sig_atomic_t stop;

static void on_signal(int signal_number) {
  (void)signal_number;
  stop = 1;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s PORT RCVBUF\n", argv[0]);
    return 2;
  }
  int port = atoi(argv[1]);
  int rcvbuf = atoi(argv[2]);
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf) != 0) perror("SO_RCVBUF");
  /* A receive timeout lets the loop see the signal without one more datagram. */
  struct timeval timeout = {0, 200000};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0) {
    perror("bind");
    return 1;
  }
  struct sigaction action = {.sa_handler = on_signal};
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGINT, &action, NULL);

  enum { BATCH = 64, MAX_DATAGRAM = 9216 };
  static char buffers[BATCH][MAX_DATAGRAM];
  struct mmsghdr messages[BATCH];
  struct iovec vectors[BATCH];
  memset(messages, 0, sizeof messages);
  for (int i = 0; i < BATCH; i++) {
    vectors[i].iov_base = buffers[i];
    vectors[i].iov_len = MAX_DATAGRAM;
    messages[i].msg_hdr.msg_iov = &vectors[i];
    messages[i].msg_hdr.msg_iovlen = 1;
  }
  unsigned long long received = 0;
  while (!stop) {
    int count = recvmmsg(fd, messages, BATCH, MSG_WAITFORONE, NULL);
    for (int i = 0; i < count; i++) {
      if (messages[i].msg_len > 4) received++;
    }
  }
  printf("%llu\n", received);
  return 0;
}
