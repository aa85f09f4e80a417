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
        }

        return errors;
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
