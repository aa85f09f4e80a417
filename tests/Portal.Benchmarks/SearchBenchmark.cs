using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Search;
using Portal.Infrastructure.Search;

namespace Portal.Benchmarks;

/// <summary>
/// Query latency of the site search on a real index: each query is parsed, built, run with facet counts and the first
/// page of ten hits highlighted, as <see cref="SiteSearch"/> does per request. The index is one a node built
/// (<c>search rebuild</c>), opened read-only from its folder.
/// </summary>
internal static class SearchBenchmark
{
    /// <summary>Broad and narrow, with and without diacritics, abbreviations, a phrase and a code: what citizens type.</summary>
    private static readonly string[] Queries =
    [
        "thủ tục hành chính", "thu tuc hanh chinh", "cải cách hành chính", "CCHC", "TTHC", "dịch vụ công trực tuyến", "dich vu cong",
        "bưu chính công ích", "một cửa liên thông", "phản ánh kiến nghị", "PAKN", "UBND tỉnh", "Kon Tum", "kontum", "Đăk Hà", "dak ha",
        "Sở Tư pháp", "so tu phap", "khảo sát mức độ hài lòng", "hài lòng", "\"môi trường kinh doanh\"", "tinh gọn bộ máy", "công chức",
        "niêm yết công khai", "tháng 03/2024", "số 12345", "đăng ký khai sinh", "1.001193", "hòa giải", "hoà giải", "kiểm soát thủ tục",
        "đối thoại doanh nghiệp", "tuyên truyền", "tuyen truyen cai cach", "ứng dụng công nghệ thông tin", "Huyện Ngọc Hồi", "ngoc hoi",
        "gương điển hình", "phê phán tiêu cực", "xyz không có",
    ];

    private static double RunMs;
    private static double HighlightMs;

    public static int Run(string indexFolder, int count)
    {
        using var index = new SearchIndex("public", "Tìm kiếm", indexFolder, NullLogger.Instance);
        if (index.Open() is null)
        {
            Console.Error.WriteLine($"Không mở được chỉ mục ở {indexFolder}: {index.State().Detail}");
            return 1;
        }

        var builder = new SearchQueryBuilder();
        var highlighter = new SearchHighlighter();
        Console.WriteLine($"index: {indexFolder}, documents: {index.State().Documents}, queries: {count} over {Queries.Length} distinct");
        // Each query once on the freshly opened index: nothing read ahead, no broad word's set kept yet.
        var cold = new double[Queries.Length];
        for (var i = 0; i < Queries.Length; i++)
        {
            var first = Stopwatch.GetTimestamp();
            Once(index, builder, highlighter, Queries[i]);
            cold[i] = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first run of each query after opening: the very first {cold[0]:0.0} ms, then median {cold.Skip(1).Order().ElementAt(cold.Length / 2 - 1):0.0} ms, max {cold.Skip(1).Max():0.0} ms"));
        for (var i = 0; i < 200; i++)
        {
            Once(index, builder, highlighter, Queries[i % Queries.Length]);
        }

        var times = new double[count];
        var byQuery = new Dictionary<string, double>(StringComparer.Ordinal);
        var hits = 0L;
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            hits += Once(index, builder, highlighter, Queries[i % Queries.Length]);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            byQuery[Queries[i % Queries.Length]] = byQuery.GetValueOrDefault(Queries[i % Queries.Length]) + times[i];
        }

        var rounds = Math.Max(1, count / Queries.Length);
        Console.WriteLine("slowest: " + string.Join(", ", byQuery.OrderByDescending(q => q.Value).Take(6)
            .Select(q => string.Create(CultureInfo.InvariantCulture, $"«{q.Key}» {q.Value / rounds:0.0} ms"))));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"of which matching, facets and paging {RunMs / (count + 200):0.00} ms per query, highlighting {HighlightMs / (count + 200):0.00} ms"));
        Array.Sort(times);
        double At(double share) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(share * times.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 {At(0.50):0.00} ms, p90 {At(0.90):0.00} ms, p99 {At(0.99):0.00} ms, max {times[^1]:0.00} ms, mean {times.Average():0.00} ms, matches per query {hits / (double)count:0}"));
        return 0;
    }

    private static int Once(SearchIndex index, SearchQueryBuilder builder, SearchHighlighter highlighter, string typed)
    {
        if (builder.Build(SearchInput.Parse(typed)) is not { } query)
        {
            return 0;
        }

        var started = Stopwatch.GetTimestamp();
        var page = index.Search(s => IndexQueryRunner.Run(s, new IndexQuery(query, new SearchRequest(typed))))!;
        RunMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        foreach (var hit in page.Hits)
        {
            _ = highlighter.Title(query.Match, hit.Title);
            _ = highlighter.Passage(query.Match, hit.Text, hit.Summary);
        }

        HighlightMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        return page.Total;
    }
}
