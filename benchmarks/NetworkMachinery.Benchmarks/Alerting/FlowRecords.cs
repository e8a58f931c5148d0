using System.Net;
using Google.Protobuf;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>
/// Pre-decoded flow records for the rule-engine benchmark: a data-centre mix from 4 agents with 48 interfaces each,
/// sources in 10.0.0.0/18 (and 5 % from outside 10/8, 3 % IPv6), destinations in 10.1.0.0/19, 70 % TCP to the
/// usual service ports (a few SYNs), 25 % UDP (DNS, NTP, ...), 5 % ICMP; sampling 1 in 512. The records are samples of
/// 16,384 conversations (5-tuples), skewed as sampled traffic is (a conversation's share falls with its rank: the
/// first 10 % of them give about half the records), so a 5-tuple rule tracks up to 16,384 keys.
/// </summary>
internal static class FlowRecords
{
    private static readonly uint[] TcpPorts = [443, 443, 443, 80, 80, 22, 8080, 3306, 5432, 6379, 9092, 6443, 8443, 50123, 61000];
    private static readonly uint[] UdpPorts = [53, 53, 123, 161, 514, 4789];

    public const int Conversations = 16_384;

    public static FlowMessage[] Create(int count, int seed)
    {
        var random = new Random(seed);
        var conversations = Enumerable.Range(0, Conversations).Select(_ => Conversation(random)).ToArray();
        var records = new FlowMessage[count];
        for (var i = 0; i < count; i++)
        {
            var record = conversations[(int)(Conversations * Math.Pow(random.NextDouble(), 3.3))].Clone();
            record.TimeReceivedNs = 1_764_000_000_000_000_000UL + (ulong)i;
            record.FrameLength = (uint)random.Next(64, 1519);
            record.Bytes = record.FrameLength * 512UL;
            records[i] = record;
        }

        return records;
    }

    private static FlowMessage Conversation(Random random)
    {
        var kind = random.Next(100);
        var (proto, dstPort) = kind < 70 ? (6U, TcpPorts[random.Next(TcpPorts.Length)]) : kind < 95 ? (17U, UdpPorts[random.Next(UdpPorts.Length)]) : (1U, 0U);
        var v6 = random.Next(100) < 3;
        var external = random.Next(100) < 5;
        var src = v6 ? $"fd00::{random.Next(1, 4096):x}" : external ? $"198.51.100.{random.Next(1, 255)}" : $"10.0.{random.Next(64)}.{random.Next(1, 255)}";
        var dst = v6 ? $"fd01::{random.Next(1, 1024):x}" : $"10.1.{random.Next(32)}.{random.Next(1, 255)}";
        return new FlowMessage
        {
            Type = FlowMessage.Types.FlowType.Sflow5,
            SamplingRate = 512,
            SamplerAddress = Address($"192.0.2.{1 + random.Next(4)}"),
            SrcAddr = Address(src),
            DstAddr = Address(dst),
            Etype = v6 ? 0x86ddU : 0x0800U,
            Proto = proto,
            SrcPort = proto == 1 ? 0 : (uint)random.Next(32768, 61000),
            DstPort = dstPort,
            TcpFlags = proto == 6 ? (random.Next(50) == 0 ? 2U : 0x18U) : 0,
            IpTos = random.Next(10) == 0 ? 46U << 2 : 0,
            InIf = (uint)random.Next(1, 49),
            OutIf = (uint)random.Next(1, 49),
            Packets = 512,
        };
    }

    private static ByteString Address(string text) => ByteString.CopyFrom(IPAddress.Parse(text).GetAddressBytes());
}
