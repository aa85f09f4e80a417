using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Search;
using Portal.Web.Features.CommandLine;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.CommandLine;

[Collection(ConsoleCollection.Name)]
public sealed class CommandLineVerbsTests
{
    [Fact]
    public async Task UsyncExport_ToFolder_WritesTheSchemaFiles()
    {
        var folder = TestServices.NewDataDirectory();
        var export = Path.Combine(folder, "export");
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();

            var exitCode = await CommandLineVerbs.RunAsync(factory.Services, ["usync", "export", export]);

            Assert.Equal(0, exitCode);
            Assert.True(File.Exists(Path.Combine(export, "ContentTypes", "article.config")));
            Assert.True(File.Exists(Path.Combine(export, "DataTypes", "richtext-editor.config")));
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task SeedSynthetic_Documents_AddsThatManyLiveArticles()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();
            var before = await PublishedAsync(client);

            var exitCode = await CommandLineVerbs.RunAsync(factory.Services, ["seed", "synthetic", "--documents", "300"]);

            Assert.Equal(0, exitCode);
            Assert.Equal(before + 300, await PublishedAsync(client));
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Theory]
    [InlineData(new[] { "seed", "synthetic" }, 2)]
    [InlineData(new[] { "seed", "synthetic", "--documents", "nhiều" }, 2)]
    [InlineData(new[] { "usync", "xoa" }, 2)]
    [InlineData(new[] { "usync", "import", "/khong/co/thu/muc" }, 1)]
    [InlineData(new[] { "procedures", "import", "/khong/co/tep.json" }, 1)]
    [InlineData(new[] { "procedures", "import" }, 2)]
    [InlineData(new[] { "search" }, 2)]
    [InlineData(new[] { "search", "xoa" }, 2)]
    public async Task BadArguments_ExitNonZeroWithAMessage(string[] args, int expectedExitCode)
    {
        var folder = TestServices.NewDataDirectory();
        var error = new StringWriter();
        var original = Console.Error;
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();
            Console.SetError(error);

            var exitCode = await CommandLineVerbs.RunAsync(factory.Services, args);

            Assert.Equal(expectedExitCode, exitCode);
            Assert.NotEmpty(error.ToString().Trim());
        }
        finally
        {
            Console.SetError(original);
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task ProceduresImport_FileWithOneBadRecord_AppliesTheRestPrintsTheRejectionAndExits3()
    {
        var folder = TestServices.NewDataDirectory();
        var file = Path.Combine(folder, "thu-tuc.json");
        var output = new StringWriter();
        var original = Console.Out;
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();
            var before = await PublishedAsync(client);
            var good = Management.Procedures.ProcedureFiles.NewCode();
            await File.WriteAllTextAsync(file, Management.Procedures.ProcedureFiles.Json(
                Management.Procedures.ProcedureFiles.Record(good, "Đăng ký nhận cha, mẹ, con lưu động"),
                Management.Procedures.ProcedureFiles.Record("1.23", "Thủ tục có mã sai")));
            Console.SetOut(output);

            var exitCode = await CommandLineVerbs.RunAsync(factory.Services, ["procedures", "import", file]);

            Assert.Equal(3, exitCode);
            Assert.Contains("2 bản ghi: 1 tạo mới, 0 cập nhật, 0 không đổi, 1 bị từ chối.", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("Bản ghi 2 (1.23)", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(before + 1, await PublishedAsync(client));
        }
        finally
        {
            Console.SetOut(original);
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task SearchRebuild_SeededSite_ExitsZeroPrintsProgressAndTheRate()
    {
        var folder = TestServices.NewDataDirectory();
        var output = new StringWriter();
        var original = Console.Out;
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();
            var indexes = factory.Services.GetRequiredService<SearchIndexes>();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await indexes.WhenReadyAsync(patience.Token);
            Console.SetOut(output);

            var exitCode = await CommandLineVerbs.RunAsync(factory.Services, ["search", "rebuild"]);
            var printed = output.ToString();
            var documents = indexes.States.Max(s => s.Documents).ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

            Assert.Equal(0, exitCode);
            Assert.Contains("Đã lập chỉ mục ", printed, StringComparison.Ordinal);
            Assert.Contains($"Đã dựng lại chỉ mục tìm kiếm: {documents} tài liệu trong ", printed, StringComparison.Ordinal);
            Assert.Contains(" tài liệu/giây).", printed, StringComparison.Ordinal);
            Assert.All(indexes.States, s => Assert.Equal(SearchIndexHealth.Ready, s.Health));
        }
        finally
        {
            Console.SetOut(original);
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task SearchRebuild_NodeRunningElsewhereOnThisMachine_RefusesAndPointsToSettings()
    {
        var folder = TestServices.NewDataDirectory();
        var errors = new StringWriter();
        var original = Console.Error;
        try
        {
            await using var running = new PortalFactory(folder, new Dictionary<string, string?>());
            using var site = running.CreateClient();
            var runningIndexes = running.Services.GetRequiredService<SearchIndexes>();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await runningIndexes.WhenReadyAsync(patience.Token);
            var before = runningIndexes.States.Select(s => s.Directory).ToList();
            // The command's own process: a second host on the same data folder, as `Portal.Web search rebuild` would be.
            await using var command = new PortalFactory(folder, new Dictionary<string, string?>());
            using var _ = command.CreateClient();
            Console.SetError(errors);

            var exitCode = await CommandLineVerbs.RunAsync(command.Services, ["search", "rebuild"]);

            Assert.Equal(2, exitCode);
            Assert.Contains("Cài đặt › Tìm kiếm › «Dựng lại chỉ mục»", errors.ToString(), StringComparison.Ordinal);
            Assert.Equal(before, runningIndexes.States.Select(s => s.Directory));
        }
        finally
        {
            Console.SetError(original);
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public void RebuildPrinter_EveryDocumentReported_PrintsOneLineATenthWithVietnameseNumbers()
    {
        var output = new StringWriter();
        var printer = new RebuildPrinter(output);
        var started = DateTime.UtcNow;

        for (var done = 0; done <= 100_000; done += 500)
        {
            printer.Report(new SearchRebuildProgress(done, 100_000, started));
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.Equal("Đã lập chỉ mục 10.000/100.000 tài liệu", lines[0]);
        Assert.Equal("Đã lập chỉ mục 100.000/100.000 tài liệu", lines[^1]);
    }

    private static async Task<int> PublishedAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        return json.RootElement.GetProperty("publishedDocuments").GetInt32();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
