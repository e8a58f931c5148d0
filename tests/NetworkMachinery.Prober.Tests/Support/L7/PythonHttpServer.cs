using System.Net;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>
/// A real HTTP server: Python's http.server serving a directory from one address and port of a test namespace, over
/// TLS when given a certificate and key (PEM). It prints each request's Host header, so tests can check what was sent.
/// Stopped by PID on dispose.
/// </summary>
internal sealed class PythonHttpServer : IAsyncDisposable
{
    private const string Script = """
        import http.server, socket, ssl, sys
        address, port, directory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=directory, **kwargs)
            def do_GET(self):
                print("host=" + str(self.headers.get("Host")) + " path=" + self.path, flush=True)
                super().do_GET()
        class Server(http.server.ThreadingHTTPServer):
            address_family = socket.AF_INET6 if ":" in address else socket.AF_INET
        server = Server((address, port), Handler)
        if len(sys.argv) > 5:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[4], sys.argv[5])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        print("serving", flush=True)
        server.serve_forever()
        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly BackgroundProcess _process;

    private PythonHttpServer(BackgroundProcess process) => _process = process;

    /// <summary>What the server printed: one <c>host=... path=...</c> line per GET, and its access log.</summary>
    public string Output => _process.StandardOutput + _process.StandardError;

    public static async Task<PythonHttpServer> StartAsync(
        NetworkNamespace ns, IPAddress address, int port, string directory, (string Certificate, string Key)? tls = null)
    {
        List<string> arguments = ["-c", Script, address.ToString(), port.ToString(), directory];
        if (tls is { } pair)
        {
            arguments.AddRange([pair.Certificate, pair.Key]);
        }

        var process = ns.Start("/usr/bin/python3", arguments);
        try
        {
            await process.WaitForOutputAsync("serving", StartTimeout);
            return new PythonHttpServer(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
