using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Media;
using Portal.Infrastructure.Media.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Portal.Benchmarks;

/// <summary>
/// One image URL transform through the real cache and transformer: a 4000×3000 JPEG to 800 px wide WebP, cold (a fresh
/// cache folder each run: header, decode, resize, encode, write) and cached (the same URL again: a stat of the cached file).
/// </summary>
internal static class ImageBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        var folder = Directory.CreateTempSubdirectory("portal-image-bench-").FullName;
        try
        {
            var source = Path.Combine(folder, "media", "abcd1234", "anh.jpg");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            await File.WriteAllBytesAsync(source, Photo(4000, 3000));
            var commands = new ImageCommands { Width = 800, Format = "webp" };
            var cold = new List<double>();
            var cached = new List<double>();
            long bytes = 0;
            for (var run = 0; run <= runs; run++)
            {
                var settings = new ImagingSettings { Cache = new ImagingCacheSettings { CacheFolder = $"cache-{run}" } };
                var cache = new ProcessedImageCache(settings, new ImageTransformer(settings, new MediaLibraryOptions(), new ImageDecodeGate()),
                    settings.Cache.ResolveFolder(folder), TimeProvider.System, NullLogger<ProcessedImageCache>.Instance);
                var watch = Stopwatch.StartNew();
                var answer = await cache.GetAsync(source, "/media/abcd1234/anh.jpg", commands, CancellationToken.None);
                var first = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                for (var i = 0; i < 100; i++)
                {
                    await cache.GetAsync(source, "/media/abcd1234/anh.jpg", commands, CancellationToken.None);
                }

                // Run 0 only warms up the JIT.
                if (run > 0)
                {
                    cold.Add(first);
                    cached.Add(watch.Elapsed.TotalMilliseconds / 100);
                    bytes = answer.Image!.Length;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"runs={runs} source=4000x3000 jpg ({new FileInfo(source).Length / 1024} KB) output=800 wide webp ({bytes / 1024} KB)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cold   median {Median(cold):F1} ms  min {cold.Min():F1} ms  max {cold.Max():F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cached median {Median(cached) * 1000:F1} µs  min {cached.Min() * 1000:F1} µs  max {cached.Max() * 1000:F1} µs"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A photo-like JPEG: smooth gradients with fine detail, so the encoder has real work.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x * 7) ^ (y * 13)));
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
