using System.Globalization;
using CapacityTools.Core.Economy;

namespace CapacityTools.Core.Verdicts;

/// <summary>A claim about an amount of money in a year, optionally set against named economies ("rivals the GDP of ...").</summary>
public sealed class MoneyClaim
{
    public string Id { get; init; } = "";
    /// <summary>The claim as text; built from the figures when empty.</summary>
    public string Text { get; init; } = "";
    public MoneyAmount Amount { get; init; } = new();
    public int Year { get; init; }
    /// <summary>Economies the amount is said to match (names or codes); empty for an amount alone.</summary>
    public IReadOnlyList<string> Rivals { get; init; } = [];
    public double Tolerance { get; init; } = Verdicts.Tolerance.DefaultMoney;
    public string Attribution { get; init; } = "";
}

/// <summary>Judges money claims against a GDP edition, through <see cref="MarketComparer"/> for the ranking.</summary>
public static class MoneyClaims
{
    /// <summary>
    /// With rivals: Supported when the amount is within the tolerance of every rival's GDP, Overstated when it falls
    /// short of one (the claim makes it look larger), Understated when it dwarfs one. Without rivals: Unverifiable,
    /// with the rank the amount would take (and a note when the year's figures are projections).
    /// An unknown rival is a problem through <paramref name="sink"/>; the others still count. Null when the year is not in the edition.
    /// </summary>
    public static ClaimCheck? Check(GdpEdition edition, MoneyClaim claim, IProblemSink sink)
    {
        var table = edition.GetYear(claim.Year, out var yearProblem);
        if (table is null)
        {
            sink.Problem(yearProblem!);
            return null;
        }
        var amount = claim.Amount;
        var year = claim.Year.ToString(CultureInfo.InvariantCulture);
        var status = table.Status.ToString().ToLowerInvariant();
        var basis = $"{edition.Name} ({edition.Title}), {year}, {status} figures";
        var projected = table.Status == GdpStatus.Projection
            ? $" The {year} GDP figures are projections ({edition.Name}), so this compares a projection with projections."
            : "";
        var text = string.IsNullOrWhiteSpace(claim.Text)
            ? $"{Figure(amount)} in {year}{(claim.Rivals.Count > 0 ? " rivals the GDP of " + string.Join(", ", claim.Rivals) : "")}"
            : claim.Text;

        if (claim.Rivals.Count == 0)
        {
            var comparisons = MarketComparer.Compare(edition, table, amount, text, 0).ToList();
            var placed = comparisons.Select(Placement).ToList();
            var details = comparisons.SelectMany(c => new[] { c.Above, c.Below }.Where(n => n is not null).Select(n => Neighbour(n!, c.AmountUsd))).ToList();
            return new ClaimCheck
            {
                Id = claim.Id,
                Kind = ClaimKind.MarketSize,
                Claim = text,
                Verdict = ClaimVerdict.Unverifiable,
                Claimed = amount.LowUsd,
                ClaimedHigh = amount.HighUsd,
                Tolerance = claim.Tolerance,
                Unit = "USD",
                Basis = basis,
                Explanation = $"{string.Join("; ", placed)}.{projected} GDP data places the amount; it cannot confirm the amount itself.",
                Details = details,
                Attribution = claim.Attribution,
            };
        }

        var rivals = new List<ClaimDetail>();
        var verdicts = new List<ClaimVerdict>();
        ClaimDetail? furthest = null;
        foreach (var name in claim.Rivals)
        {
            var figure = edition.Find(name, claim.Year, false, out var problem);
            if (figure is null)
            {
                sink.Problem(problem!);
                continue;
            }
            var low = amount.LowUsd / figure.Usd;
            var high = (amount.HighUsd ?? amount.LowUsd) / figure.Usd;
            var holds = Tolerance.Overlaps(low, high, claim.Tolerance);
            verdicts.Add(holds ? ClaimVerdict.Supported : high < 1 - claim.Tolerance ? ClaimVerdict.Overstated : ClaimVerdict.Understated);
            var share = amount.IsRange ? $"{Figures.Percent(low)}-{Figures.Percent(high)}" : Figures.Percent(low);
            var detail = new ClaimDetail
            {
                Subject = $"{figure.Economy.Name} ({figure.Economy.Iso3})",
                Claimed = amount.LowUsd,
                Measured = figure.Usd,
                Ratio = low,
                Holds = holds,
                Note = $"{share} of its GDP of {Money.Format(figure.Usd)} ({figure.Status.ToString().ToLowerInvariant()}, rank {figure.Rank.ToString(CultureInfo.InvariantCulture)})",
            };
            rivals.Add(detail);
            if (furthest is null || Math.Abs(Math.Log(low)) > Math.Abs(Math.Log(furthest.Ratio!.Value))) furthest = detail;
        }
        if (furthest is null) return null;

        var verdict = verdicts.Contains(ClaimVerdict.Overstated) ? ClaimVerdict.Overstated
            : verdicts.Contains(ClaimVerdict.Understated) ? ClaimVerdict.Understated : ClaimVerdict.Supported;
        var listing = string.Join(", ", rivals.Select(r => $"{Figures.Percent(r.Ratio!.Value)} of the GDP of {r.Subject}"));
        var reason = verdict switch
        {
            ClaimVerdict.Supported => $"each within the {Figures.Percent(claim.Tolerance)} tolerance",
            ClaimVerdict.Overstated => $"short of {string.Join(", ", rivals.Where(r => r.Holds == false && r.Ratio < 1).Select(r => r.Subject))} by more than the {Figures.Percent(claim.Tolerance)} tolerance",
            _ => $"more than {Figures.Percent(1 + claim.Tolerance)} of {string.Join(", ", rivals.Where(r => r.Holds == false && r.Ratio > 1).Select(r => r.Subject))}",
        };
        return new ClaimCheck
        {
            Id = claim.Id,
            Kind = ClaimKind.MarketSize,
            Claim = text,
            Verdict = verdict,
            Claimed = amount.LowUsd,
            ClaimedHigh = amount.HighUsd,
            Measured = furthest.Measured,
            Ratio = furthest.Ratio,
            Tolerance = claim.Tolerance,
            Unit = "USD",
            Basis = basis,
            Explanation = $"{Figure(amount)} is {listing} in {year}: {reason}.{projected}",
            Details = rivals,
            Attribution = claim.Attribution,
        };
    }

    internal static string Figure(MoneyAmount amount) =>
        amount.IsRange ? $"{Money.Format(amount.LowUsd)}-{Money.Format(amount.HighUsd!.Value)}" : Money.Format(amount.LowUsd);

    private static string Placement(MarketComparison c)
    {
        var rank = c.Rank > c.EconomiesRanked ? $"below all {c.EconomiesRanked} economies" : $"rank {c.Rank} of {c.EconomiesRanked} economies";
        var between = c.Above is not null && c.Below is not null ? $", between {c.Above} and {c.Below}" : c.Below is not null ? $", above {c.Below}" : c.Above is not null ? $", below {c.Above}" : "";
        return $"{Money.Format(c.AmountUsd)} would take {rank} in {c.Year.ToString(CultureInfo.InvariantCulture)}{between}";
    }

    private static ClaimDetail Neighbour(MarketNeighbour n, double amountUsd) => new()
    {
        Subject = $"{n.Country} ({n.Iso3})",
        Claimed = amountUsd,
        Measured = n.GdpUsd,
        Ratio = n.Ratio,
        Note = $"rank {n.Rank.ToString(CultureInfo.InvariantCulture)}, GDP {Money.Format(n.GdpUsd)} ({n.Status.ToString().ToLowerInvariant()})",
    };
}
