namespace NetworkMachinery.Netm.Images;

/// <summary>
/// The files of an image, gathered from the host before anything is written. Paths are kept sorted (ordinal), and every
/// parent directory is added with mode 755, so that the layer tar written from it is the same bytes for the same files.
/// </summary>
internal sealed class RootFilesystem
{
    private const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101;
    private const UnixFileMode PermissionBits = (UnixFileMode)0b111_111_111;

    private readonly SortedDictionary<string, RootEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The entries in the order they are written: parents before their children.</summary>
    public IEnumerable<RootEntry> Entries => _entries.Values;

    /// <summary>Adds a directory (and its parents).</summary>
    public RootFilesystem AddDirectory(string path, UnixFileMode mode = DirectoryMode)
    {
        var normalized = Normalize(path);
        AddParents(normalized);
        _entries[normalized] = new RootEntry(normalized, RootEntryKind.Directory, mode);
        return this;
    }

    /// <summary>
    /// Adds a copy of a host file at <paramref name="path"/>, with the host file's permission bits; a symbolic link on
    /// the host is followed, so that the image holds the file itself.
    /// </summary>
    /// <exception cref="ImageException">The host file does not exist.</exception>
    public RootFilesystem AddHostFile(string path, string hostPath)
    {
        var file = new FileInfo(hostPath);
        var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
        if (target is null || !target.Exists)
        {
            throw new ImageException($"{hostPath} does not exist on this machine; the image needs it (run scripts/install-deps.sh as root).");
        }

        return Add(path, RootEntryKind.File, target.UnixFileMode & PermissionBits, sourcePath: target.FullName);
    }

    /// <summary>Adds a file with the given content.</summary>
    public RootFilesystem AddContent(string path, byte[] content, UnixFileMode mode = (UnixFileMode)0b110_100_100) =>
        Add(path, RootEntryKind.File, mode, content: content);

    /// <summary>Adds a symbolic link.</summary>
    public RootFilesystem AddSymbolicLink(string path, string target) =>
        Add(path, RootEntryKind.SymbolicLink, (UnixFileMode)0b111_111_111, linkTarget: target);

    /// <summary>True when the path is in the filesystem.</summary>
    public bool Contains(string path) => _entries.ContainsKey(Normalize(path));

    private RootFilesystem Add(string path, RootEntryKind kind, UnixFileMode mode, string? sourcePath = null, byte[]? content = null, string? linkTarget = null)
    {
        var normalized = Normalize(path);
        AddParents(normalized);
        _entries[normalized] = new RootEntry(normalized, kind, mode, sourcePath, content, linkTarget);
        return this;
    }

    private void AddParents(string normalized)
    {
        for (var slash = normalized.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = normalized.IndexOf('/', slash + 1))
        {
            var parent = normalized[..slash];
            if (!_entries.ContainsKey(parent))
            {
                _entries[parent] = new RootEntry(parent, RootEntryKind.Directory, DirectoryMode);
            }
        }
    }

    private static string Normalize(string path)
    {
        var trimmed = path.Trim('/');
        if (trimmed.Length == 0 || trimmed.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a path inside an image", nameof(path));
        }

        return trimmed;
    }
}
