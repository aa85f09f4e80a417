namespace Portal.Core.Procedures;

/// <summary>The uSync aliases of the procedure model (uSync/v17/ContentTypes), so code and schema use one spelling.</summary>
public static class ProcedureAliases
{
    public const string SetType = "procedureSet";
    public const string ProcedureType = "procedure";
    public const string DecisionListType = "procedureDecisionList";
    public const string DecisionType = "procedureDecision";

    public const string StepType = "procedureStep";
    public const string ChannelType = "procedureChannel";
    public const string DossierItemType = "dossierItem";
    public const string LegalBasisItemType = "legalBasisItem";
    public const string ResultType = "procedureResult";
    public const string AssignmentType = "procedureAssignment";
    public const string DecisionEntryType = "decisionEntry";

    // Fields of `procedure`, in the national portal's order where it has one.
    public const string Code = "procedureCode";
    public const string LocalCode = "localCode";
    public const string Type = "procedureType";
    public const string Field = "procedureField";
    public const string Level = "level";
    public const string ApplicantTypes = "applicantTypes";
    public const string ImplementingAgency = "implementingAgency";
    public const string CompetentAgency = "competentAgency";
    public const string DelegatedAgency = "delegatedAgency";
    public const string CoordinatingAgency = "coordinatingAgency";
    public const string ReceivingAddress = "receivingAddress";
    public const string Assignments = "assignments";
    public const string OnlineLevel = "onlineLevel";
    public const string Postal = "postal";
    public const string PostalResult = "postalResult";
    public const string DecisionNumber = "decisionNumber";
    public const string NationalUrl = "nationalUrl";
    public const string NationalStatus = "nationalStatus";
    public const string Keywords = "keywords";
    public const string RelatedProcedures = "relatedProcedures";
    public const string Description = "description";
    public const string Steps = "steps";
    public const string Channels = "channels";
    public const string ProcessingTime = "processingTime";
    public const string Fee = "fee";
    public const string DossierSets = "dossierSets";
    public const string Dossier = "dossier";
    public const string LegalBasis = "legalBasis";
    public const string Requirements = "requirements";
    public const string Results = "results";
    public const string StepsSource = "stepsSource";
    public const string ChannelsSource = "channelsSource";
    public const string DossierSource = "dossierSource";
    public const string LegalBasisSource = "legalBasisSource";
    public const string ResultsSource = "resultsSource";

    // Fields inside the blocks.
    public const string StepText = "text";
    public const string ChannelKind = "channel";
    public const string ChannelTimeLimit = "timeLimit";
    public const string ChannelFeeAmount = "feeAmount";
    public const string ChannelFeeCurrency = "feeCurrency";
    public const string ChannelFeeText = "feeText";
    public const string ChannelDescription = "description";
    public const string DossierCase = "caseLabel";
    public const string DossierName = "name";
    public const string DossierOriginals = "originals";
    public const string DossierCopies = "copies";
    public const string DossierQuantityText = "quantityText";
    public const string DossierFormName = "formName";
    public const string DossierFormUrl = "formUrl";
    public const string DossierFormFile = "formFile";
    public const string LegalNumber = "documentNumber";
    public const string LegalTitle = "title";
    public const string ResultName = "name";
    public const string ResultCode = "resultCode";
    public const string AssignmentUnit = "unit";
    public const string AssignmentLevel = "level";

    // Fields of `procedureDecision` and its `decisionEntry` blocks.
    public const string DecisionNumberField = "decisionNumber";
    public const string DecisionDate = "decisionDate";
    public const string DecisionIssuer = "issuer";
    public const string DecisionSummary = "summary";
    public const string DecisionEntries = "entries";
    public const string DecisionAttachments = "attachments";
    public const string EntryCode = "procedureCode";
    public const string EntryName = "procedureName";
    public const string EntryChange = "change";
    public const string EntryReplacesCode = "replacesCode";
    public const string EntryEffectiveDate = "effectiveDate";
}
