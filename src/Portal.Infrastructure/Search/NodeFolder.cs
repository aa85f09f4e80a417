namespace Portal.Infrastructure.Search;

/// <summary>
/// This node's own folder below the search directory: <c>{node}</c>, or <c>{node}-2</c>… when another live process on
/// the same machine (or another host in the same process, as in tests) holds it. Holding is an OS file lock, which dies
/// with its process, so a crash never leaves the folder claimed: the restarted node takes its own index back.
/// </summary>
internal sealed class NodeFolder : IDisposable
{
    private const int MaxSlots = 64;
    private readonly FileStream claim;

    private NodeFolder(string path, FileStream claim)
    {
        Path = path;
        this.claim = claim;
    }

    public string Path { get; }

    public static NodeFolder Claim(string root, string nodeName)
    {
        for (var slot = 1; slot <= MaxSlots; slot++)
        {
            var path = System.IO.Path.Combine(root, slot == 1 ? nodeName : $"{nodeName}-{slot}");
            Directory.CreateDirectory(path);
            try
            {
                var claim = new FileStream(System.IO.Path.Combine(path, "node.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new NodeFolder(path, claim);
            }
            catch (IOException)
            {
                // Held by a live process: try the next folder.
            }
        }

        throw new InvalidOperationException($"Không giành được thư mục chỉ mục nào trong {root}: {MaxSlots} thư mục đều đang được dùng.");
    }

    /// <summary>Whether <paramref name="path"/> is the node's own folder rather than a spare one taken because it was held.</summary>
    public static bool IsFirstSlot(string path, string nodeName) =>
        string.Equals(System.IO.Path.GetFileName(path), nodeName, StringComparison.Ordinal);

    public void Dispose() => claim.Dispose();
}
