using System.Globalization;
using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Verdicts;

/// <summary>Turns rows of claims.csv into GPU and money claims and judges them; a malformed row is a problem.</summary>
public static class ClaimRows
{
    /// <summary>The seed claims embedded in the module (seeds/claims.csv).</summary>
    public static IReadOnlyList<ClaimRecord> Embedded => s_embedded.Value;

    private static readonly Lazy<IReadOnlyList<ClaimRecord>> s_embedded = new(() =>
        Data.CsvRecords.Read(Data.EmbeddedData.Open("claims.csv"), "claims.csv").Rows.Select(r => new ClaimRecord
        {
            Id = r.Get("Id") ?? "", Kind = r.Get("Kind") ?? "", Subject = r.Get("Subject") ?? "", Value = r.Get("Value") ?? "",
            ValueHigh = r.Get("ValueHigh") ?? "", Unit = r.Get("Unit") ?? "", Year = r.Get("Year") ?? "", Qualifier = r.Get("Qualifier") ?? "",
            CompareWith = r.Get("CompareWith") ?? "", Attribution = r.Get("Attribution") ?? "", Includes = r.Get("Includes") ?? "", Metric = r.Get("Metric") ?? "",
        }).ToList());

    /// <summary>
    /// The check of one row. <paramref name="find"/> gives the row an Includes names (rows met earlier, then the
    /// embedded ones); <paramref name="tolerance"/> overrides the kind's default. Null after a problem to <paramref name="sink"/>.
    /// </summary>
    public static ClaimCheck? Check(ClaimRecord row, Func<string, ClaimRecord?> find, GpuCatalog catalog, GdpEdition edition, double? tolerance, IProblemSink sink)
    {
        ClaimCheck? Fail(string message, string action)
        {
            sink.Problem(new Problem(ErrorIds.InvalidClaim, ProblemKind.InvalidData, $"Claim '{SafeText.Quote(row.ToString())}': {message}", row, recommendedAction: action));
            return null;
        }
        if (!Enum.TryParse<ClaimKind>(row.Kind, true, out var kind) || kind == ClaimKind.Requirement || !Enum.IsDefined(typeof(ClaimKind), kind))
            return Fail($"Kind '{SafeText.Quote(row.Kind)}' is not GpuCount, GpuEquivalents or MarketSize.", "Give each row a Kind of GpuCount, GpuEquivalents or MarketSize.");

        var metric = GpuMetric.Bf16;
        if (!string.IsNullOrWhiteSpace(row.Metric) && !Enum.TryParse(row.Metric, true, out metric))
            return Fail($"Metric '{SafeText.Quote(row.Metric)}' is not a metric.", $"Use one of {string.Join(", ", Enum.GetNames(typeof(GpuMetric)))}.");

        if (kind == ClaimKind.MarketSize)
        {
            if (!int.TryParse(row.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                return Fail($"Year '{SafeText.Quote(row.Year)}' is not a year.", "Give the year the amount is for, e.g. 2024.");
            var amount = AmountParser.Parse(row.Value, null, out var problem);
            if (amount is not null && !string.IsNullOrWhiteSpace(row.ValueHigh))
            {
                var high = AmountParser.Parse(row.ValueHigh, null, out problem);
                amount = high is null ? null : AmountParser.Range(amount, high, out problem);
            }
            if (amount is null)
            {
                sink.Problem(problem!);
                return null;
            }
            var rivals = row.CompareWith.Split([';'], StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
            return MoneyClaims.Check(edition, new MoneyClaim
            {
                Id = row.Id,
                Text = row.Describe($"{MoneyClaims.Figure(amount)} in {row.Year}{(rivals.Count > 0 ? " rivals the GDP of " + string.Join(", ", rivals) : "")}"),
                Amount = amount,
                Year = year,
                Rivals = rivals,
                Tolerance = tolerance ?? Tolerance.DefaultMoney,
                Attribution = row.Attribution,
            }, sink);
        }

        if (!double.TryParse(row.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
            return Fail($"Value '{SafeText.Quote(row.Value)}' is not a number of GPUs or equivalents.", "Write the figure with digits and a dot for decimals, e.g. 350000.");

        if (kind == ClaimKind.GpuCount)
        {
            return Gpu(new GpuClaim
            {
                Id = row.Id,
                Text = row.Describe($"{Figures.Whole(value)} {row.Unit} in {row.Year}"),
                Model = row.Unit,
                Count = value,
                Metric = metric,
                Tolerance = tolerance ?? Tolerance.DefaultGpu,
                Attribution = row.Attribution,
            });
        }

        var included = string.IsNullOrWhiteSpace(row.Includes) ? null : find(row.Includes.Trim());
        if (included is null)
            return Fail(string.IsNullOrWhiteSpace(row.Includes) ? "a GpuEquivalents claim names no GPUs to count (Includes is empty)." : $"Includes names '{SafeText.Quote(row.Includes)}', which is not a claim met before it or embedded.",
                "Set Includes to the Id of a GpuCount row, and pass that row first.");
        if (!string.Equals(included.Kind, nameof(ClaimKind.GpuCount), StringComparison.OrdinalIgnoreCase)
            || !double.TryParse(included.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var count))
            return Fail($"Includes names '{SafeText.Quote(row.Includes)}', which is not a GpuCount claim with a number.", "Set Includes to the Id of a GpuCount row.");
        return Gpu(new GpuClaim
        {
            Id = row.Id,
            Text = row.Describe($"{Figures.Whole(value)} {row.Unit} equivalents in {row.Year}, including {Figures.Whole(count)} {included.Unit} and other GPUs"),
            Model = included.Unit,
            Count = count,
            ClaimedEquivalents = value,
            IncludesOtherGpus = true,
            Metric = metric,
            Reference = string.IsNullOrWhiteSpace(row.Unit) ? EquivalenceCalculator.DefaultReference : row.Unit,
            Tolerance = tolerance ?? Tolerance.DefaultGpu,
            Attribution = row.Attribution,
        });

        ClaimCheck? Gpu(GpuClaim claim)
        {
            var check = GpuClaims.Check(catalog, claim, out var problem);
            if (check is null) sink.Problem(problem!);
            return check;
        }
    }
}
