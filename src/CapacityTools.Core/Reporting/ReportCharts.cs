using CapacityTools.Core.Economy;
using CapacityTools.Core.Verdicts;

namespace CapacityTools.Core.Reporting;

/// <summary>The charts of a report: H100e and power by model, the fleet by host, amounts among economies, claims against measures.</summary>
internal static class ReportCharts
{
    private const int MaxPerKind = 8;

    public static IReadOnlyList<ReportChart> Build(InventoryDigest inventory, List<FleetSummary> fleets, List<ClaimCheck> claims, List<MarketComparison> markets, HostTally usageHours)
    {
        var charts = new List<ReportChart>();
        foreach (var claim in claims.Where(c => c.Measured is not null || (c.Kind == ClaimKind.MarketSize && c.Details.Count > 0)).Take(MaxPerKind)) charts.Add(Claim(claim));

        var fleet = inventory.Rows > 0 ? inventory.Fleet() : fleets.FirstOrDefault();
        if (fleet is not null && fleet.ByModel.Count > 0)
        {
            var models = fleet.ByModel.OrderByDescending(m => m.Equivalents).Take(30).ToList();
            charts.Add(new ReportChart($"{fleet.Reference} equivalents by model ({fleet.Metric})", "H100e", models.Select(m => new ChartBar(m.Model, m.Equivalents)).ToList()));
            charts.Add(new ReportChart("IT power by model (GPUs at TDP)", "MW", models.Select(m => new ChartBar(m.Model, m.ItPowerMW)).ToList()));
        }
        if (inventory.Rows > 0) charts.Add(inventory.HostChart());
        if (usageHours.Hosts > 0) charts.Add(usageHours.Chart("Measured GPU-hours", "GPU-hours", InventoryDigest.HostsCharted));

        foreach (var market in markets.Take(MaxPerKind)) charts.Add(Market(market));
        return charts;
    }

    private static ReportChart Claim(ClaimCheck claim)
    {
        var bars = new List<ChartBar>();
        if (claim.Kind == ClaimKind.MarketSize)
        {
            bars.Add(new ChartBar(claim.ClaimedHigh is null ? "Claimed amount" : "Claimed (low end)", claim.Claimed, true));
            if (claim.ClaimedHigh is { } high) bars.Add(new ChartBar("Claimed (high end)", high, true));
            bars.AddRange(claim.Details.Where(d => d.Measured is not null).Select(d => new ChartBar(d.Subject, d.Measured!.Value)));
        }
        else
        {
            bars.Add(new ChartBar("Claimed", claim.Claimed, true));
            if (claim.Measured is { } measured) bars.Add(new ChartBar("Measured", measured));
            if (claim.Unexplained is { } rest) bars.Add(new ChartBar("Unexplained", rest));
        }
        return new ReportChart($"{claim.Verdict}: {claim.Claim}", claim.Unit, bars.OrderByDescending(b => b.Value).ToList());
    }

    private static ReportChart Market(MarketComparison m)
    {
        var neighbours = m.Nearest.Concat(new[] { m.Above, m.Below }.Where(n => n is not null).Select(n => n!))
            .GroupBy(n => n.Iso3, StringComparer.Ordinal).Select(g => g.First());
        var bars = neighbours.Select(n => new ChartBar($"{n.Rank}. {n.Country}", n.GdpUsd))
            .Append(new ChartBar($"{m.Label} ({m.Bound})", m.AmountUsd, true))
            .OrderByDescending(b => b.Value).ToList();
        return new ReportChart($"{m.Label}: {Money.Format(m.AmountUsd)} among the economies of {m.Year} ({m.Edition})", "USD", bars);
    }
}
