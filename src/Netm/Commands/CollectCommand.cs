using System.CommandLine;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm collect</c>: run the sFlow collector.</summary>
internal static class CollectCommand
{
    public static Command Create()
    {
        var command = new Command("collect", "Receive sFlow datagrams, decode them and write flow and counter records.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("netm collect: not built yet");
            return 2;
        });
        return command;
    }
}
