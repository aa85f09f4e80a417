namespace Portal.Core.Programme;

/// <summary>
/// One published result of a reform index for one year: of the province (<see cref="UnitKey"/> is <see cref="Province"/>)
/// or of one of its units, where the province scores its own departments and districts. Entered by Sở Nội vụ from the
/// published decision; never estimated, so a year without a row stays empty on every chart.
/// </summary>
public sealed class IndexResult
{
    /// <summary>The scope key of the province's own result (a real key would let the store keep one row per index, year and scope).</summary>
    public static readonly Guid Province = Guid.Empty;

    public const int FirstYear = 2000;
    public const int MaxSourceLength = 500;
    public const int MaxNoteLength = 1000;

    private IndexResult()
    {
        UpdatedBy = string.Empty;
    }

    public long Id { get; private set; }
    public Guid Key { get; private set; }
    public ReformIndex Index { get; private set; }
    public int Year { get; private set; }
    public Guid UnitKey { get; private set; }

    /// <summary>The unit's name when entered; null for the province.</summary>
    public string? UnitName { get; private set; }
    public decimal Score { get; private set; }
    public decimal MaxScore { get; private set; }
    public int? Rank { get; private set; }
    public int? RankOf { get; private set; }

    /// <summary>Where the figure was published (decision number or address).</summary>
    public string? Source { get; private set; }
    public string? Note { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }
    public int Version { get; private set; }

    public bool IsProvince => UnitKey == Province;

    public static (ProgrammeOperationStatus Status, IndexResult? Result) Create(ReformIndex index, int year, Guid unitKey, string? unitName,
        decimal score, decimal? maxScore, int? rank, int? rankOf, string? source, string? note, string by, DateTime now)
    {
        var result = new IndexResult { Key = Guid.NewGuid(), Index = index, UnitKey = unitKey, UnitName = unitKey == Province ? null : unitName };
        var status = result.Apply(year, score, maxScore ?? index.DefaultMaximum(), rank, rankOf, source, note, by, now);
        return status == ProgrammeOperationStatus.Success ? (status, result) : (status, null);
    }

    /// <summary>Corrects the figures; <paramref name="expectedVersion"/> is the version the editor saw.</summary>
    public ProgrammeOperationStatus Change(int expectedVersion, int year, decimal score, decimal maxScore, int? rank, int? rankOf,
        string? source, string? note, string by, DateTime now)
    {
        if (expectedVersion != Version)
        {
            return ProgrammeOperationStatus.Stale;
        }

        var before = (Year, Score, MaxScore, Rank, RankOf, Source, Note, UpdatedAt, UpdatedBy);
        var status = Apply(year, score, maxScore, rank, rankOf, source, note, by, now);
        if (status != ProgrammeOperationStatus.Success)
        {
            (Year, Score, MaxScore, Rank, RankOf, Source, Note, UpdatedAt, UpdatedBy) = before;
            return status;
        }

        Version++;
        return status;
    }

    /// <summary>The figures as one line for the audit log, e.g. <c>PAR Index 2023 tỉnh: 86,14/100, hạng 43/63</c>.</summary>
    public string Describe()
    {
        var vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        var scope = IsProvince ? "tỉnh" : UnitName ?? UnitKey.ToString();
        var rank = Rank is { } r ? RankOf is { } of ? $", hạng {r}/{of}" : $", hạng {r}" : string.Empty;
        return string.Create(vietnamese, $"{Index.ShortName()} {Year} {scope}: {Score:0.##}/{MaxScore:0.##}{rank}");
    }

    private ProgrammeOperationStatus Apply(int year, decimal score, decimal maxScore, int? rank, int? rankOf, string? source, string? note,
        string by, DateTime now)
    {
        var latestYear = Text.VietnamTime.FromUtc(now).Year;
        if (year < FirstYear || year > latestYear)
        {
            return ProgrammeOperationStatus.YearOutOfRange;
        }

        if (maxScore <= 0 || score < 0 || score > maxScore)
        {
            return ProgrammeOperationStatus.ScoreOutOfRange;
        }

        if (rank is < 1 || rankOf is < 1 || (rank is { } r && rankOf is { } of && r > of) || (rank is null && rankOf is not null))
        {
            return ProgrammeOperationStatus.RankOutOfRange;
        }

        var cleanSource = Clean(source);
        var cleanNote = Clean(note);
        if (cleanSource?.Length > MaxSourceLength || cleanNote?.Length > MaxNoteLength)
        {
            return ProgrammeOperationStatus.TextTooLong;
        }

        Year = year;
        Score = score;
        MaxScore = maxScore;
        Rank = rank;
        RankOf = rankOf;
        Source = cleanSource;
        Note = cleanNote;
        UpdatedAt = now;
        UpdatedBy = by;
        return ProgrammeOperationStatus.Success;
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Normalize(System.Text.NormalizationForm.FormC).Trim();
}
