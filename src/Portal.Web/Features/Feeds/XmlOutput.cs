using System.Text;
using System.Xml;

namespace Portal.Web.Features.Feeds;

/// <summary>How feeds and sitemaps are written: UTF-8 without a byte-order mark (HTTP already names the charset), asynchronously.</summary>
internal static class XmlOutput
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        // Kestrel forbids synchronous writes to the response body.
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    /// <summary>
    /// Text without the control characters XML 1.0 forbids. One summary pasted from a word processor with a stray
    /// vertical tab would otherwise make XmlWriter throw halfway and break the whole feed for every reader.
    /// </summary>
    public static string Text(string value)
    {
        if (IsClean(value))
        {
            return value;
        }

        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                clean.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool IsClean(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
