using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>
/// Serves <c>tls.crt</c> and <c>tls.key</c> from a directory, such as a mounted Secret that cert-manager keeps, and
/// loads them again when they change: the kubelet swaps a mounted Secret's files by renaming a symlink, which a file
/// watcher sees at once; a periodic check covers file systems whose changes no watcher reports.
/// </summary>
internal sealed class CertificateDirectorySource : BackgroundService, IServingCertificateSource
{
    private readonly string _directory;
    private readonly TimeSpan _recheck;
    private readonly ILogger _logger;
    private readonly WakeSignal _changed = new();
    private volatile X509Certificate2? _current;
    private volatile string _state;
    private string? _loadedText;

    public CertificateDirectorySource(string directory, TimeSpan recheck, ILogger<CertificateDirectorySource> logger)
    {
        _directory = Path.GetFullPath(directory);
        _recheck = recheck;
        _logger = logger;
        _state = "no certificate loaded yet";
        if (!TryLoad(out var problem))
        {
            CertificateLog.DirectoryUnreadable(_logger, _directory, problem);
        }
    }

    /// <summary>Checks that <paramref name="directory"/> holds a certificate and key that load, so that a wrong one stops the start with its reason.</summary>
    /// <exception cref="WebhookCertificateException">The directory or one of the files is missing, or they hold no certificate and key.</exception>
    public static void Check(string directory)
    {
        var missing = new[] { WebhookTlsBundle.CertificateKey, WebhookTlsBundle.PrivateKeyKey }.Where(file => !File.Exists(Path.Combine(directory, file))).ToArray();
        if (missing.Length > 0)
        {
            throw new WebhookCertificateException(
                $"--webhook-cert-dir {directory} has no {string.Join(" and no ", missing)}: it must hold tls.crt and tls.key, as a mounted kubernetes.io/tls Secret does.");
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(directory, WebhookTlsBundle.CertificateKey), Path.Combine(directory, WebhookTlsBundle.PrivateKeyKey));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new WebhookCertificateException($"--webhook-cert-dir {directory}: cannot load tls.crt with tls.key: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public X509Certificate2? Current => _current;

    /// <inheritdoc/>
    public string State => _state;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = new FileSystemWatcher(_directory) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, _) => _changed.Wake();
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => _changed.Wake();
        watcher.EnableRaisingEvents = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _changed.WaitAsync(_recheck, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!TryLoad(out var problem))
            {
                CertificateLog.DirectoryUnreadable(_logger, _directory, problem);
            }
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    // A half-written pair (one file new, the other not yet) fails to load and keeps the certificate served so far; the
    // next change loads the complete pair.
    private bool TryLoad(out string problem)
    {
        problem = string.Empty;
        try
        {
            var certificate = File.ReadAllText(Path.Combine(_directory, WebhookTlsBundle.CertificateKey));
            var key = File.ReadAllText(Path.Combine(_directory, WebhookTlsBundle.PrivateKeyKey));
            if (certificate + key == _loadedText)
            {
                return true;
            }

            var loaded = X509Certificate2.CreateFromPem(certificate, key);
            _loadedText = certificate + key;
            _current = loaded;
            _state = $"serving {loaded.Subject} from {_directory}, valid until {loaded.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
            CertificateLog.Loaded(_logger, loaded.Subject, loaded.Thumbprint, _directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            problem = $"cannot load {WebhookTlsBundle.CertificateKey} and {WebhookTlsBundle.PrivateKeyKey}: {e.Message}";
            if (_current is null)
            {
                _state = problem;
            }

            return false;
        }
    }
}
