using System.Diagnostics;
using System.Globalization;
using Portal.Benchmarks;

// Start-up benchmark: how long a Portal node takes from process start to its first 200 on "/", and its
// resident memory then. Usage (see docs/benchmarks.md):
//   dotnet run -c Release --project tests/Portal.Benchmarks -- startup --web <Portal.Web.dll> --data <data folder> [--runs 3]
// HTTP throughput and latency use wrk against a running host: scripts/bench-http.sh.
return args switch
{
    ["startup", .. var rest] => await StartupBenchmark.RunAsync(Options.Parse(rest)),
    ["static", var root, var port] => await StaticFileServer.RunAsync(root, int.Parse(port, CultureInfo.InvariantCulture)),
    ["image", .. var rest] => await ImageBenchmark.RunAsync(int.Parse(rest.FirstOrDefault() ?? "10", CultureInfo.InvariantCulture)),
    ["procedures-file", var count, var path] => await ProcedureFileGenerator.RunAsync(int.Parse(count, CultureInfo.InvariantCulture), path),
    ["search", var folder, .. var rest] => SearchBenchmark.Run(Path.GetFullPath(folder), int.Parse(rest.FirstOrDefault() ?? "2000", CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: startup --web <path to Portal.Web.dll> --data <data folder> [--runs N] [--port P]");
    Console.Error.WriteLine("       static <folder> <port>   (serves a folder with Kestrel's static files; used by scripts/bench-http.sh)");
    Console.Error.WriteLine("       image [runs]             (a 4000×3000 JPEG to 800 px WebP through the image URL cache, cold and cached)");
    Console.Error.WriteLine("       procedures-file N <path> (writes N national-portal records for the procedure import benchmark)");
    Console.Error.WriteLine("       search <index folder> [N] (N site-search queries with facets and highlights on a built public index)");
    return 2;
}

namespace Portal.Benchmarks
{
    internal sealed record Options(string WebDll, string DataDirectory, int Runs, int Port)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            return new Options(
                Path.GetFullPath(Value("--web") ?? throw new ArgumentException("--web is required")),
                Path.GetFullPath(Value("--data") ?? throw new ArgumentException("--data is required")),
                int.Parse(Value("--runs") ?? "3", CultureInfo.InvariantCulture),
                int.Parse(Value("--port") ?? "5090", CultureInfo.InvariantCulture));
        }
    }

    internal static class StartupBenchmark
    {
        public static async Task<int> RunAsync(Options options)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var url = new Uri($"http://127.0.0.1:{options.Port}/");
            Console.WriteLine("run\tfirst_200_ms\trss_after_first_200_mb\trss_after_200_requests_mb\tpublished_documents");
            for (var run = 1; run <= options.Runs; run++)
            {
                var start = new ProcessStartInfo("dotnet", [options.WebDll, "--urls", url.ToString().TrimEnd('/')])
                {
                    WorkingDirectory = Path.GetDirectoryName(options.WebDll)!,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                start.Environment["Portal__DataDirectory"] = options.DataDirectory;
                start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
                start.Environment["Logging__LogLevel__Default"] = "Warning";
                var watch = Stopwatch.StartNew();
                using var process = Process.Start(start)!;
                process.OutputDataReceived += (_, _) => { };
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                var firstOk = await WaitForOkAsync(http, url, TimeSpan.FromSeconds(60));
                var elapsed = watch.Elapsed;
                var rssFirst = ResidentMegabytes(process.Id);
                for (var i = 0; i < 200; i++)
                {
                    using var _ = await http.GetAsync(url);
                }

                var rssAfter = ResidentMegabytes(process.Id);
                var health = await http.GetStringAsync(new Uri(url, "/healthz"));
                var published = System.Text.Json.JsonDocument.Parse(health).RootElement.GetProperty("publishedDocuments").GetInt32();
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                if (!firstOk)
                {
                    Console.Error.WriteLine("The host did not answer 200 within 60 s.");
                    return 1;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run}\t{elapsed.TotalMilliseconds:0}\t{rssFirst:0}\t{rssAfter:0}\t{published}"));
            }

            return 0;
        }

        private static async Task<bool> WaitForOkAsync(HttpClient http, Uri url, TimeSpan limit)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < limit)
            {
                try
                {
                    using var response = await http.GetAsync(url);
                    if (response.IsSuccessStatusCode)
                    {
                        return true;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening but still starting.
                }

                await Task.Delay(20);
            }

            return false;
        }

        /// <summary>VmRSS from /proc: the memory the process really holds, not what the GC reports.</summary>
        private static double ResidentMegabytes(int pid)
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return kilobytes / 1024.0;
        }
    }
}
