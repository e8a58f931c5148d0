using System.Text.Json;

namespace NetworkMachinery.SFlow.Json;

/// <content>Counter records.</content>
public static partial class SampleJsonWriter
{
    /// <summary>Writes a counter record's fields; false when the format is unknown. A decode error sets <paramref name="error"/>.</summary>
    private static bool TryWriteCounterRecord(Utf8JsonWriter writer, SFlowRecord record, out SFlowError error)
    {
        error = default;
        switch (record.CounterFormat)
        {
            case CounterRecordFormat.GenericInterface:
            {
                writer.WriteString("name", "genericInterface");
                if (record.TryRead<GenericInterfaceCounters>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.Ethernet:
            {
                writer.WriteString("name", "ethernet");
                if (record.TryRead<EthernetCounters>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.Vlan:
            {
                writer.WriteString("name", "vlan");
                if (record.TryRead<VlanCounters>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.Lacp:
            {
                writer.WriteString("name", "lacp");
                if (record.TryRead<LacpCounters>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.Processor:
            {
                writer.WriteString("name", "processor");
                if (record.TryRead<ProcessorCounters>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.OpenFlowPort:
            {
                writer.WriteString("name", "openFlowPort");
                if (record.TryRead<OpenFlowPort>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.HostParent:
            {
                writer.WriteString("name", "hostParent");
                if (record.TryRead<HostParent>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.HostCpu:
            {
                writer.WriteString("name", "hostCpu");
                if (record.TryRead<HostCpu>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.HostMemory:
            {
                writer.WriteString("name", "hostMemory");
                if (record.TryRead<HostMemory>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.HostDiskIo:
            {
                writer.WriteString("name", "hostDiskIo");
                if (record.TryRead<HostDiskIo>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.HostNetIo:
            {
                writer.WriteString("name", "hostNetIo");
                if (record.TryRead<HostNetIo>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.Mib2Ip:
            {
                writer.WriteString("name", "mib2Ip");
                if (record.TryRead<Mib2IpGroup>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.Mib2Icmp:
            {
                writer.WriteString("name", "mib2Icmp");
                if (record.TryRead<Mib2IcmpGroup>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.Mib2Tcp:
            {
                writer.WriteString("name", "mib2Tcp");
                if (record.TryRead<Mib2TcpGroup>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.Mib2Udp:
            {
                writer.WriteString("name", "mib2Udp");
                if (record.TryRead<Mib2UdpGroup>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.AppResources:
            {
                writer.WriteString("name", "appResources");
                if (record.TryRead<AppResources>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }

            case CounterRecordFormat.OvsDatapath:
            {
                writer.WriteString("name", "ovsDatapath");
                if (record.TryRead<OvsDatapath>(out var value, out error))
                {
                    CounterJsonFields.Write(writer, value);
                }

                return true;
            }
            case CounterRecordFormat.PortName:
            {
                writer.WriteString("name", "portName");
                if (record.TryRead<PortName>(out var value, out error))
                {
                    writer.WriteText("portName", value.Name);
                }

                return true;
            }

            case CounterRecordFormat.HostDescription:
            {
                writer.WriteString("name", "hostDescription");
                if (record.TryRead<HostDescription>(out var value, out error))
                {
                    writer.WriteText("hostname", value.Hostname);
                    writer.WriteString("uuid", value.UuidValue);
                    writer.WriteNumber("machineType", value.MachineType);
                    writer.WriteNumber("osName", value.OsName);
                    writer.WriteText("osRelease", value.OsRelease);
                }

                return true;
            }

            case CounterRecordFormat.HostAdapters:
            {
                writer.WriteString("name", "hostAdapters");
                if (record.TryRead<HostAdapters>(out var value, out error))
                {
                    WriteAdapters(writer, value);
                }

                return true;
            }

            default:
                return false;
        }
    }

    /// <summary>The JSON <c>name</c> of a counter record format.</summary>
    public static string CounterRecordName(CounterRecordFormat format) => format switch
    {
        CounterRecordFormat.GenericInterface => "genericInterface",
        CounterRecordFormat.Ethernet => "ethernet",
        CounterRecordFormat.Vlan => "vlan",
        CounterRecordFormat.Lacp => "lacp",
        CounterRecordFormat.Processor => "processor",
        CounterRecordFormat.OpenFlowPort => "openFlowPort",
        CounterRecordFormat.HostParent => "hostParent",
        CounterRecordFormat.HostCpu => "hostCpu",
        CounterRecordFormat.HostMemory => "hostMemory",
        CounterRecordFormat.HostDiskIo => "hostDiskIo",
        CounterRecordFormat.HostNetIo => "hostNetIo",
        CounterRecordFormat.Mib2Ip => "mib2Ip",
        CounterRecordFormat.Mib2Icmp => "mib2Icmp",
        CounterRecordFormat.Mib2Tcp => "mib2Tcp",
        CounterRecordFormat.Mib2Udp => "mib2Udp",
        CounterRecordFormat.AppResources => "appResources",
        CounterRecordFormat.OvsDatapath => "ovsDatapath",
        CounterRecordFormat.PortName => "portName",
        CounterRecordFormat.HostDescription => "hostDescription",
        CounterRecordFormat.HostAdapters => "hostAdapters",
        _ => "unknown",
    };

    private static void WriteAdapters(Utf8JsonWriter writer, HostAdapters adapters)
    {
        Span<byte> text = stackalloc byte[MacAddress.TextLength];
        writer.WriteStartArray("adapters");
        foreach (var adapter in adapters)
        {
            writer.WriteStartObject();
            writer.WriteNumber("ifIndex", adapter.IfIndex);
            writer.WriteStartArray("macs");
            for (var i = 0; i < adapter.MacCount; i++)
            {
                adapter.GetMac(i).TryFormat(text, out _);
                writer.WriteStringValue(text);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
