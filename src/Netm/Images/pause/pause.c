/* pause: the sandbox container of every pod. It holds the pod's namespaces open and, as PID 1 of the pod's PID
 * namespace, reaps the orphans it inherits; it exits 0 on SIGTERM or SIGINT, which is how the kubelet stops it.
 * Built static (gcc -static) so that the image holds this one file. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_stop(int signal_number) {
  (void)signal_number;
  _exit(0);
}

static void on_child(int signal_number) {
  (void)signal_number;
  /* One SIGCHLD can stand for several children that ended: collect every one of them. */
  while (waitpid(-1, NULL, WNOHANG) > 0) {
  }
}

static void install(int signal_number, void (*handler)(int)) {
  struct sigaction action = {0};
  action.sa_handler = handler;
  action.sa_flags = SA_NOCLDSTOP | SA_RESTART;
  sigemptyset(&action.sa_mask);
  if (sigaction(signal_number, &action, NULL) != 0) {
    perror("pause: sigaction");
    exit(1);
  }
}

int main(int argc, char **argv) {
  if (argc > 1 && argv[1][0] == '-' && argv[1][1] == 'v') {
    puts("pause (networkmachinery) 1");
    return 0;
  }

  /* PID 1 gets no default signal actions: without handlers SIGTERM would be ignored inside the container. */
  install(SIGTERM, on_stop);
  install(SIGINT, on_stop);
  install(SIGCHLD, on_child);
  for (;;) {
    pause();
  }
}
