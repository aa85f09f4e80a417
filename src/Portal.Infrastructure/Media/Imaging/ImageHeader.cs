using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;

namespace Portal.Infrastructure.Media.Imaging;

/// <summary>
/// What an image's header says, read without decoding a pixel: its format, its size, how many frames it animates, and its
/// metadata. <see cref="Pixels"/> is what decoding it would cost, so huge and hostile images are refused before that.
/// </summary>
public sealed record ImageHeader(IImageFormat Format, IImageInfo Info, int Frames)
{
    /// <summary>Only the library's four formats are known: anything else (TIFF, BMP renamed .png) is "not an image".</summary>
    public static readonly Configuration Formats = new(
        new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule());

    /// <summary>Width × height × frames: every frame of a GIF or WebP animation is decoded to a whole canvas.</summary>
    public long Pixels => (long)Info.Width * Info.Height * Frames;

    /// <summary>Reads the header from the stream's start; null when it is not one of the four formats or does not parse.</summary>
    public static async Task<ImageHeader?> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var (info, format) = await Image.IdentifyWithFormatAsync(Formats, content, cancellationToken);
            if (info is null || format is null || info.Width <= 0 || info.Height <= 0)
            {
                return null;
            }

            var frames = 1;
            if (format is GifFormat or WebpFormat && content.CanSeek)
            {
                content.Position = 0;
                frames = format is GifFormat ? CountGifFrames(content) : CountWebpFrames(content);
            }

            return new ImageHeader(format, info, Math.Max(1, frames));
        }
        catch (ImageFormatException)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>
    /// Counts image descriptors by walking the GIF's blocks (header, colour table, then extensions and images made of
    /// length-prefixed sub-blocks), so an animation of a thousand one-pixel frames is seen for the thousand canvases it decodes to.
    /// </summary>
    private static int CountGifFrames(Stream stream)
    {
        // The caller decodes the same stream next, so it is left open.
        using var reader = new BinaryReader(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        reader.ReadBytes(10);
        var packed = reader.ReadByte();
        reader.ReadBytes(2);
        SkipColourTable(reader, packed);
        var frames = 0;
        while (true)
        {
            var introducer = reader.BaseStream.ReadByte();
            switch (introducer)
            {
                case 0x2C:
                    frames++;
                    reader.ReadBytes(8);
                    SkipColourTable(reader, reader.ReadByte());
                    reader.ReadByte();
                    SkipSubBlocks(reader);
                    break;
                case 0x21:
                    reader.ReadByte();
                    SkipSubBlocks(reader);
                    break;
                default:
                    // The trailer, the end of the file, or damage: ImageSharp judges the rest when it decodes.
                    return frames;
            }
        }
    }

    private static void SkipColourTable(BinaryReader reader, byte packed)
    {
        if ((packed & 0x80) != 0)
        {
            reader.ReadBytes(3 << ((packed & 0x07) + 1));
        }
    }

    private static void SkipSubBlocks(BinaryReader reader)
    {
        int length;
        while ((length = reader.BaseStream.ReadByte()) > 0)
        {
            if (reader.ReadBytes(length).Length < length)
            {
                return;
            }
        }
    }

    /// <summary>Counts the <c>ANMF</c> chunks of an animated WebP (a RIFF file: four-letter name, little-endian size, even padding).</summary>
    private static int CountWebpFrames(Stream stream)
    {
        Span<byte> chunk = stackalloc byte[8];
        stream.Position = 12;
        var frames = 0;
        while (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) == 8)
        {
            if (chunk[..4].SequenceEqual("ANMF"u8))
            {
                frames++;
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            stream.Seek(size + (size & 1), SeekOrigin.Current);
        }

        return frames;
    }
}
