using Lucene.Net.Search;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Tests.Search;

public sealed class SearchIndexHealingTests
{
    [Fact]
    public void Open_LeftoverWriteLockAfterCrash_OpensAndSaysSo()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục đăng ký khai sinh"));
        test.Index.Dispose();
        File.WriteAllText(Path.Combine(test.GenerationFolder, "write.lock"), string.Empty);

        var position = test.Reopen();

        Assert.Equal(7, position);
        Assert.Equal(SearchIndexHealth.Ready, test.Index.State().Health);
        Assert.Contains("write.lock", test.Index.State().Detail, StringComparison.Ordinal);
        Assert.Equal(0, test.Index.State().Healed);
        Assert.Equal(1, test.Index.State().Documents);
    }

    [Theory]
    [InlineData(".si")]
    [InlineData(".cfs")]
    [InlineData("segments_")]
    public void Open_SegmentFileDeleted_NotOpenedFolderRemovedAndCountedAsHealed(string fileKind)
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục đăng ký kết hôn"));
        test.Index.Dispose();
        var generation = test.GenerationFolder;
        var victim = Directory.EnumerateFiles(generation).First(f => Path.GetFileName(f).Contains(fileKind, StringComparison.Ordinal));
        File.Delete(victim);

        var position = test.Reopen();

        Assert.Null(position);
        var state = test.Index.State();
        Assert.Equal(SearchIndexHealth.Unavailable, state.Health);
        Assert.Equal(1, state.Healed);
        Assert.Contains("dựng lại", state.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(generation));
    }

    [Fact]
    public void Open_SegmentFileOverwrittenWithGarbage_NotOpened()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục cấp giấy phép xây dựng"));
        test.Index.Dispose();
        var compound = Directory.EnumerateFiles(test.GenerationFolder, "*.cfs").First();
        File.WriteAllBytes(compound, new byte[256]);

        Assert.Null(test.Reopen());
        Assert.Equal(1, test.Index.State().Healed);
    }

    [Fact]
    public void Open_PointerToMissingGeneration_NotOpenedAndHealed()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục chứng thực"));
        test.Index.Dispose();
        Directory.Delete(test.GenerationFolder, recursive: true);

        Assert.Null(test.Reopen());
        Assert.Equal(1, test.Index.State().Healed);
    }

    [Fact]
    public void Open_UnfinishedRebuildBesideCurrent_RemovedAndCurrentKept()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục cấp đổi giấy chứng nhận"));
        var unfinished = test.Index.CreateGeneration();
        unfinished.Add(SearchTestIndex.Document("Nửa chừng"));
        unfinished.Dispose();

        Assert.Equal(7, test.Reopen());
        Assert.Single(Directory.EnumerateDirectories(test.Folder));
        Assert.Equal(1, test.Index.State().Documents);
    }

    [Fact]
    public void Verify_FileDeletedUnderRunningIndex_TakesItOutOfServiceAndAsksForRebuild()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục thi tuyển công chức"));
        var faulted = 0;
        test.Index.Faulted += () => faulted++;
        File.Delete(Directory.EnumerateFiles(test.GenerationFolder, "*.si").First());

        Assert.False(test.Index.Verify());
        Assert.Equal(1, faulted);
        Assert.False(test.Index.IsOpen);
        Assert.Null(test.Index.Search(s => new TopDocs(0, [], 0)));
    }

    [Fact]
    public void Verify_HealthyIndex_StaysInService()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục đăng ký khai tử"));

        Assert.True(test.Index.Verify());
        Assert.True(test.Index.IsOpen);
    }

    [Fact]
    public void Swap_NewGeneration_OldFolderRemovedAndNewAnswers()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Cũ"));
        var old = test.GenerationFolder;
        var built = test.Index.CreateGeneration();
        built.Add(SearchTestIndex.Document("Mới một"));
        built.Add(SearchTestIndex.Document("Mới hai"));

        test.Index.Swap(built, position: 12);

        Assert.False(Directory.Exists(old));
        Assert.Equal(2, test.Index.State().Documents);
        Assert.Equal(12, test.Reopen());
    }

    [Fact]
    public void Claim_FolderHeldByAnotherNode_TakesNextAndReturnsFirstOnceFreed()
    {
        var root = Directory.CreateTempSubdirectory("portal-nodes-").FullName;
        string firstPath;
        using (var first = NodeFolder.Claim(root, "node"))
        {
            firstPath = first.Path;
            using var second = NodeFolder.Claim(root, "node");
            Assert.NotEqual(first.Path, second.Path);
        }

        using var again = NodeFolder.Claim(root, "node");
        Assert.Equal(firstPath, again.Path);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void IsIndexFault_ThrownInsideLucene_CountsAsDamage()
    {
        // What reading a garbage file looks like: Lucene's own code refusing a position past what it sized from the file.
        var garbage = Record.Exception(() => new Lucene.Net.Util.FixedBitSet(64).Clear(0, 100_000));

        Assert.IsType<ArgumentOutOfRangeException>(garbage);
        Assert.True(SearchIndex.IsIndexFault(garbage));
        Assert.True(SearchIndex.IsIndexFault(new Lucene.Net.Index.CorruptIndexException("checksum failed")));
    }

    [Fact]
    public void IsIndexFault_BugInPortalsOwnCode_IsNotMistakenForDamage()
    {
        var hits = new int[3];
        var bug = Record.Exception(() => hits[hits.Length + 1]++);

        Assert.IsType<IndexOutOfRangeException>(bug);
        Assert.False(SearchIndex.IsIndexFault(bug));
        Assert.False(SearchIndex.IsIndexFault(new InvalidOperationException("Portal's own state")));
    }
}
