using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Portal.Infrastructure.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Portal.Infrastructure.Search;

/// <summary>
/// One complete copy of an index in its own folder, with its writer and near-real-time searcher. A rebuild writes a new
/// generation beside the one answering searches and swaps them when it is complete, so searches never see a half-built index.
/// </summary>
internal sealed class IndexGeneration : IDisposable
{
    public const string PositionKey = "position";
    public const string RevisionKey = "revision";

    private const double LiveBufferMB = 48;
    private const double BulkBufferMB = 64;

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;

    private IndexGeneration(string folder, LuceneDirectory directory, IndexWriter writer)
    {
        Folder = folder;
        this.directory = directory;
        this.writer = writer;
        searchers = new SearcherManager(writer, applyAllDeletes: true, new SegmentValues.WarmingFactory());
    }

    public string Folder { get; }

    public string Name => Path.GetFileName(Folder);

    /// <summary>The outbox row the last commit had applied; 0 for a fresh generation.</summary>
    public long Position { get; private set; }

    public int Documents => writer.NumDocs;

    public DateTime? CommittedAt { get; private set; }

    /// <summary>A new, empty generation (a rebuild fills it).</summary>
    public static IndexGeneration Create(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = FSDirectory.Open(new DirectoryInfo(folder), new SimpleFSLockFactory(new DirectoryInfo(folder)));
        var config = Config(OpenMode.CREATE);
        // A rebuild writes 100,000 documents at once: fewer, larger segments to flush and merge, and no compound files,
        // which would copy every new segment once more. Settle puts the live settings back before the generation answers searches.
        config.RAMBufferSizeMB = BulkBufferMB;
        config.UseCompoundFile = false;
        config.MergePolicy.NoCFSRatio = 0;
        return new IndexGeneration(folder, directory, new IndexWriter(directory, config));
    }

    /// <summary>
    /// Opens a committed generation. A write.lock left by a process that died is removed first: the node's folder is held
    /// by this process alone (<see cref="NodeFolder"/>), so no live writer can own it. Throws on a missing or corrupt file.
    /// </summary>
    public static IndexGeneration Open(string folder, string revision, out bool removedStaleLock)
    {
        var directory = FSDirectory.Open(new DirectoryInfo(folder), new SimpleFSLockFactory(new DirectoryInfo(folder)));
        try
        {
            removedStaleLock = IndexWriter.IsLocked(directory);
            if (removedStaleLock)
            {
                IndexWriter.Unlock(directory);
            }

            var commit = new SegmentInfos();
            commit.Read(directory);
            if (!commit.UserData.TryGetValue(RevisionKey, out var stored) || stored != revision)
            {
                throw new IndexRevisionException(stored);
            }

            // Every file the commit names must be there: a deleted segment otherwise shows only at the next merge.
            foreach (var file in commit.GetFiles(directory, includeSegmentsFile: true))
            {
                if (!File.Exists(Path.Combine(folder, file)))
                {
                    throw new FileNotFoundException($"Thiếu tệp {file} của chỉ mục.", file);
                }
            }

            // Reading every segment's header catches a truncated or overwritten file before a search does.
            using (var reader = DirectoryReader.Open(directory))
            {
                _ = reader.NumDocs;
            }

            var generation = new IndexGeneration(folder, directory, new IndexWriter(directory, Config(OpenMode.APPEND)))
            {
                Position = commit.UserData.TryGetValue(PositionKey, out var position) ? long.Parse(position, CultureInfo.InvariantCulture) : 0,
                CommittedAt = File.GetLastWriteTimeUtc(Path.Combine(folder, commit.GetSegmentsFileName())),
            };
            return generation;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void Put(SearchDocument document) =>
        writer.UpdateDocument(new Term(SearchFields.Key, SearchFields.KeyText(document.Key)), SearchFields.ToLucene(document));

    /// <summary>Adds without looking for an older copy: only while building a fresh generation.</summary>
    public void Add(SearchDocument document) => Add(SearchFields.Analyse(document));

    public void Add(AnalysedDocument document) => writer.AddDocument(SearchFields.ToLucene(document));

    /// <summary>Back to the settings of a live index, once a rebuild has written everything in bulk.</summary>
    public void Settle()
    {
        writer.Config.RAMBufferSizeMB = LiveBufferMB;
        writer.Config.UseCompoundFile = IndexWriterConfig.DEFAULT_USE_COMPOUND_FILE_SYSTEM;
        writer.Config.MergePolicy.NoCFSRatio = TieredMergePolicy.DEFAULT_NO_CFS_RATIO;
    }

    public void Delete(Guid key) => writer.DeleteDocuments(new Term(SearchFields.Key, SearchFields.KeyText(key)));

    /// <summary>The document and everything below it in the tree.</summary>
    public void DeleteSubtree(Guid key) => writer.DeleteDocuments(new Term(SearchFields.Ancestor, SearchFields.KeyText(key)));

    /// <summary>Makes changes visible to searches (near real time, no disk flush).</summary>
    public void Refresh() => searchers.MaybeRefreshBlocking();

    public void Commit(long position, string revision)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [PositionKey] = position.ToString(CultureInfo.InvariantCulture),
            [RevisionKey] = revision,
        });
        writer.Commit();
        Position = position;
        CommittedAt = DateTime.UtcNow;
        searchers.MaybeRefreshBlocking();
    }

    /// <summary>True while every file of the last commit is on disk (someone may delete files under a running node).</summary>
    public bool FilesPresent()
    {
        var commit = new SegmentInfos();
        commit.Read(directory);
        return commit.GetFiles(directory, includeSegmentsFile: true).All(file => File.Exists(Path.Combine(Folder, file)));
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        try
        {
            writer.Dispose();
        }
        catch (IOException)
        {
            // A generation being thrown away for corruption may fail to flush; its folder is deleted next.
            writer.Rollback();
        }

        directory.Dispose();
    }

    private static IndexWriterConfig Config(OpenMode mode) => new(VietnameseAnalyzer.Version, SearchFields.CreateAnalyzer())
    {
        OpenMode = mode,
        RAMBufferSizeMB = LiveBufferMB,
    };
}

/// <summary>The generation was written by another analysis revision (or none): it must be rebuilt, not read.</summary>
internal sealed class IndexRevisionException(string? stored)
    : IOException($"Chỉ mục được phân tích theo phiên bản «{stored ?? "không rõ"}», khác phiên bản hiện tại.");
