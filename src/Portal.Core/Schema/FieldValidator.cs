using System.Text.RegularExpressions;

namespace Portal.Core.Schema;

/// <summary>Validates an edition's name and field values against its content type.</summary>
public static class FieldValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <param name="requireMandatory">Drafts may be incomplete; publishing needs every mandatory field.</param>
    public static IReadOnlyList<FieldError> Validate(ContentType contentType, ISchemaCatalog catalog, string name,
        IReadOnlyDictionary<string, string> values, bool requireMandatory)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new FieldError("name", "Vui lòng nhập tên trang."));
        }
        else if (name.Length > 255)
        {
            errors.Add(new FieldError("name", "Tên trang không được dài quá 255 ký tự."));
        }

        foreach (var alias in values.Keys.Where(a => contentType.FindField(a) is null))
        {
            errors.Add(new FieldError(alias, $"Loại nội dung «{contentType.Name}» không có trường «{alias}»."));
        }

        foreach (var field in contentType.Fields)
        {
            var hasValue = values.TryGetValue(field.Alias, out var value) && !string.IsNullOrWhiteSpace(value);
            if (!hasValue)
            {
                if (requireMandatory && field.Mandatory)
                {
                    errors.Add(new FieldError(field.Alias,
                        string.IsNullOrWhiteSpace(field.MandatoryMessage) ? $"Vui lòng nhập «{field.Name}»." : field.MandatoryMessage));
                }

                continue;
            }

            var dataType = catalog.FindDataType(field.DataTypeKey);
            var problem = FieldValueRules.Check(field.Editor, value!, dataType?.ConfigJson);
            if (problem is null && !string.IsNullOrEmpty(field.ValidationPattern) && !Matches(field.ValidationPattern, value!))
            {
                problem = string.IsNullOrWhiteSpace(field.ValidationMessage)
                    ? $"«{field.Name}» không đúng định dạng." : field.ValidationMessage;
            }

            if (problem is not null)
            {
                errors.Add(new FieldError(field.Alias, problem));
            }
            else if (field.Editor == FieldEditor.BlockList)
            {
                ValidateBlocks(field, value!, catalog, requireMandatory, errors);
            }
        }

        return errors;
    }

    // A block is an element with its own mandatory fields and patterns; its problems are reported on the Block List
    // field itself, numbered as the editor shows the blocks, so the message lands beside the field that holds them.
    private static void ValidateBlocks(FieldDefinition field, string value, ISchemaCatalog catalog, bool requireMandatory,
        List<FieldError> errors)
    {
        var blocks = BlockListValue.Read(value);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            // A block of an element type this site does not know (an export from another site) is kept as it came,
            // like a field of an unknown editor: there is nothing to check it against.
            var element = catalog.ContentTypes.FirstOrDefault(t => t.Key == block.ContentTypeKey && t.IsElement);
            if (element is null)
            {
                continue;
            }

            // An element has no name of its own; the placeholder keeps the name rule from firing.
            foreach (var problem in Validate(element, catalog, element.Name, block.Values, requireMandatory))
            {
                errors.Add(new FieldError(field.Alias, $"Khối {i + 1} của «{field.Name}»: {problem.Message}"));
            }
        }
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.None, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            // A pattern from an imported schema that .NET cannot compile must not block editors.
            return true;
        }
    }
}
