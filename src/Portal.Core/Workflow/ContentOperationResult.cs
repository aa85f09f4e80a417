using Portal.Core.Schema;

namespace Portal.Core.Workflow;

public sealed record ContentOperationResult(
    ContentOperationStatus Status,
    Guid? DocumentKey = null,
    int? EditionNumber = null,
    IReadOnlyList<FieldError>? Errors = null)
{
    public bool Succeeded => Status == ContentOperationStatus.Success;

    public static ContentOperationResult Fail(ContentOperationStatus status, Guid? documentKey = null) => new(status, documentKey);

    public static ContentOperationResult Invalid(IReadOnlyList<FieldError> errors, Guid? documentKey = null) =>
        new(ContentOperationStatus.ValidationFailed, documentKey, Errors: errors);
}
