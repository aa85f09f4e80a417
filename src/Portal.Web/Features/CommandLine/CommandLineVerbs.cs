using System.Diagnostics;
using System.Globalization;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.Procedures.Import;
using Portal.Infrastructure.Search;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Startup;
using Portal.Infrastructure.Usync;
using Portal.Web.Features.Hosting;

namespace Portal.Web.Features.CommandLine;

/// <summary>
/// <c>dotnet run --project src/Portal.Web -- &lt;verb&gt;</c>: migrate, usync import|export [folder],
/// seed synthetic --documents N, procedures import &lt;file&gt;, search rebuild. Each prints what it did and exits non-zero with a clear message on failure.
/// </summary>
internal static class CommandLineVerbs
{
    private static readonly string[] Verbs = ["migrate", "usync", "seed", "procedures", "search"];

    private const string Usage = """
        Cách dùng:
          migrate                              cập nhật cấu trúc cơ sở dữ liệu
          usync import [thư mục]               nhập loại nội dung, kiểu dữ liệu và nội dung từ thư mục uSync
          usync export [thư mục]               xuất loại nội dung và kiểu dữ liệu ra thư mục uSync
          seed synthetic --documents N         tạo N tin bài tổng hợp để đo hiệu năng
          procedures import <tệp>              nhập và xuất bản thủ tục hành chính từ tệp .json, .csv, .xlsx
          search rebuild                       dựng lại chỉ mục tìm kiếm của nút này từ cơ sở dữ liệu
        """;

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return args switch
            {
                ["migrate", ..] => await MigrateAsync(services, cancel.Token),
                ["usync", "import", .. var rest] => await ImportAsync(services, FolderArgument(services, rest), cancel.Token),
                ["usync", "export", .. var rest] => await ExportAsync(services, FolderArgument(services, rest), cancel.Token),
                ["seed", "synthetic", .. var rest] => await SeedSyntheticAsync(services, rest, cancel.Token),
                ["procedures", "import", var file] => await ImportProceduresAsync(services, Path.GetFullPath(file), cancel.Token),
                ["search", "rebuild"] => await RebuildSearchAsync(services, cancel.Token),
                _ => Fail("Lệnh không hợp lệ.\n" + Usage, exitCode: 2),
            };
        }
        catch (OperationCanceledException)
        {
            return Fail("Đã hủy.", exitCode: 130);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException
                                       or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            return Fail($"Lỗi: {ex.Message}", exitCode: 1);
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var applied = await DatabaseRegistration.MigrateAsync(services, cancellationToken);
        Console.WriteLine(applied == 0 ? "Cơ sở dữ liệu đã ở phiên bản mới nhất." : $"Đã áp dụng {applied} bản cập nhật cơ sở dữ liệu.");
        return 0;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return Fail($"Không tìm thấy thư mục uSync: {folder}", exitCode: 1);
        }

        await DatabaseRegistration.MigrateAsync(services, cancellationToken);
        var schema = await services.GetRequiredService<UsyncSchemaImporter>().ImportAsync(folder, cancellationToken);
        Console.WriteLine($"Loại nội dung và kiểu dữ liệu: {schema.Summary}.");
        var content = await services.GetRequiredService<UsyncContentImporter>()
            .ImportAsync(folder, services.GetRequiredService<EditionInput>(), cancellationToken);
        Console.WriteLine($"Nội dung: {content.Summary}.");
        foreach (var warning in schema.Warnings.Concat(content.Warnings))
        {
            Console.WriteLine($"  Cảnh báo: {warning}");
        }

        return 0;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string folder, CancellationToken cancellationToken)
    {
        await DatabaseRegistration.MigrateAsync(services, cancellationToken);
        var written = await services.GetRequiredService<UsyncSchemaImporter>().ExportAsync(folder, cancellationToken);
        Console.WriteLine($"Đã ghi {written} tệp vào {folder}.");
        return 0;
    }

    private static async Task<int> SeedSyntheticAsync(IServiceProvider services, string[] rest, CancellationToken cancellationToken)
    {
        var text = rest.SkipWhile(a => a != "--documents").Skip(1).FirstOrDefault();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return Fail("Cần số lượng tin bài: seed synthetic --documents N (N là số nguyên dương).", exitCode: 2);
        }

        await DatabaseRegistration.MigrateAsync(services, cancellationToken);
        await services.GetRequiredService<ContentStartup>().RunAsync(services.GetRequiredService<ContentStartupOptions>(), cancellationToken);
        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<SyntheticContentSeeder>().SeedAsync(count, cancellationToken);
        Console.WriteLine($"Đã tạo {count} tin bài tổng hợp trong {watch.Elapsed.TotalSeconds:0.0} giây.");
        return 0;
    }

    /// <summary>Exit 0 when every record was applied, 3 when some were rejected (the rest applied), 1 when nothing was.</summary>
    private static async Task<int> ImportProceduresAsync(IServiceProvider services, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return Fail($"Không tìm thấy tệp: {file}", exitCode: 1);
        }

        await DatabaseRegistration.MigrateAsync(services, cancellationToken);
        await services.GetRequiredService<ContentStartup>().RunAsync(services.GetRequiredService<ContentStartupOptions>(), cancellationToken);
        await using var content = File.OpenRead(file);
        var report = await services.GetRequiredService<ProcedureImportService>()
            .ImportAsync(content, Path.GetFileName(file), Actor.System("procedures-import"), progress: null, cancellationToken);
        if (report.Status != ProcedureImportStatus.Completed)
        {
            return Fail($"Không nhập được tệp: {report.Summary} Chưa có thủ tục nào bị thay đổi.", exitCode: 1);
        }

        Console.WriteLine($"{report.Summary} ({report.Duration.TotalSeconds:0.0} giây)");
        foreach (var line in report.Lines.Where(l => l.Outcome == ImportOutcome.Rejected))
        {
            Console.WriteLine($"  Bản ghi {line.Position} ({line.Code ?? "không có mã"}): {line.Reason}");
        }

        return report.Rejected == 0 ? 0 : 3;
    }

    /// <summary>Rebuilds this node's indexes from the database (the route tree loaded first, as the site has it) and prints the rate.</summary>
    private static async Task<int> RebuildSearchAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await DatabaseRegistration.MigrateAsync(services, cancellationToken);
        await services.GetRequiredService<ContentStartup>().RunAsync(services.GetRequiredService<ContentStartupOptions>(), cancellationToken);
        var indexes = services.GetRequiredService<SearchIndexes>();
        await indexes.OpenAsync(cancellationToken);
        if (indexes.NodeHeldElsewhere == true)
        {
            // A rebuild here would fill a spare folder the running site never reads.
            return Fail("Nút này đang chạy và giữ thư mục chỉ mục của nó. Hãy dựng lại chỉ mục trên trang quản trị của nút: "
                + "Cài đặt › Tìm kiếm › «Dựng lại chỉ mục»; hoặc dừng nút rồi chạy lại lệnh này.", 2);
        }

        var watch = Stopwatch.StartNew();
        await indexes.RebuildAsync(new RebuildPrinter(Console.Out), cancellationToken);
        var seconds = Math.Max(watch.Elapsed.TotalSeconds, 0.001);
        var states = indexes.States;
        // Every document of the database is in the backoffice index (drafts too); the public one holds the published subset.
        var documents = states.Max(s => s.Documents);
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        Console.WriteLine(string.Create(vietnamese,
            $"Đã dựng lại chỉ mục tìm kiếm: {documents:N0} tài liệu trong {seconds:0.0} giây ({documents / seconds:N0} tài liệu/giây)."));
        foreach (var state in states)
        {
            Console.WriteLine(string.Create(vietnamese, $"  {state.Label}: {state.Documents:N0} tài liệu, thư mục {state.Directory}"));
        }

        return 0;
    }

    private static string FolderArgument(IServiceProvider services, string[] rest) =>
        rest.FirstOrDefault(a => !a.StartsWith('-')) is { } folder
            ? Path.GetFullPath(folder)
            : services.GetRequiredService<PortalPaths>().UsyncFolder;

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }
}

/// <summary>Prints a rebuild's progress about every tenth of the way, in the order the indexer reports it.</summary>
internal sealed class RebuildPrinter(TextWriter output) : IProgress<SearchRebuildProgress>
{
    private readonly Lock gate = new();
    private int total = -1;
    private int nextTenth;

    public void Report(SearchRebuildProgress value)
    {
        lock (gate)
        {
            if (value.Total != total)
            {
                // A new index (or a recount) starts its own tenths.
                total = value.Total;
                nextTenth = 1;
            }

            if (total <= 0 || value.Done * 10L < (long)nextTenth * total)
            {
                return;
            }

            nextTenth = (int)(value.Done * 10L / total) + 1;
            output.WriteLine(string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"Đã lập chỉ mục {value.Done:N0}/{total:N0} tài liệu"));
        }
    }
}
