using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Infrastructure.Delivery;

/// <summary>
/// Rich text as Umbraco's JSON tree (<c>RichTextOutputAsJson</c>): a <c>#root</c> element whose elements are
/// tags with attributes and children, and <c>#text</c> leaves. Front ends render it without parsing HTML.
/// </summary>
internal static class RichTextJson
{
    private static readonly HtmlParser Parser = new();

    public static JsonObject FromMarkup(string markup)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + markup + "</body></html>");
        return new JsonObject
        {
            ["tag"] = "#root",
            ["attributes"] = new JsonObject(),
            ["elements"] = Children(document.Body!),
            ["blocks"] = new JsonArray(),
        };
    }

    private static JsonArray Children(INode parent)
    {
        var elements = new JsonArray();
        foreach (var child in parent.ChildNodes)
        {
            switch (child)
            {
                case IElement element:
                    var attributes = new JsonObject();
                    foreach (var attribute in element.Attributes)
                    {
                        attributes[attribute.Name] = attribute.Value;
                    }

                    elements.Add(new JsonObject
                    {
                        ["tag"] = element.LocalName,
                        ["attributes"] = attributes,
                        ["elements"] = Children(element),
                    });
                    break;
                case IText text when text.Data.Length > 0:
                    elements.Add(new JsonObject { ["tag"] = "#text", ["text"] = text.Data });
                    break;
            }
        }

        return elements;
    }
}
