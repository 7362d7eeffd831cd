using System.Globalization;
using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Perspective;
using CapacityTools.Core.Pricing;
using CapacityTools.Core.Telemetry;
using CapacityTools.Core.Verdicts;

namespace CapacityTools.Core.Reporting;

/// <summary>The tables of a report, one per kind of object, with the columns that matter; the same for every format.</summary>
internal static class ReportTables
{
    private static readonly ColumnKind T = ColumnKind.Text, N = ColumnKind.Number, I = ColumnKind.Integer, P = ColumnKind.Percent, U = ColumnKind.Usd;

    public static IReadOnlyList<ReportTable> Build(Report report, InventoryDigest inventory, List<GpuEquivalent> equivalents, List<FleetSummary> fleets,
        List<ClaimCheck> claims, List<MarketComparison> markets, List<CountryGdp> gdp, List<ClusterComparison> clusters, List<GpuPrice> prices,
        List<GpuUsage> usage, IEnumerable<ReportTable> others)
    {
        var tables = new List<ReportTable>();
        void Add<TItem>(string title, List<TItem> items, (string Header, ColumnKind Kind, Func<TItem, object?> Value)[] columns)
        {
            if (items.Count == 0) return;
            var table = new ReportTable(title, columns.Select(c => new ReportColumn(c.Header, c.Kind)).ToList());
            foreach (var item in items) table.Rows.Add(columns.Select(c => Report.Cell(c.Value(item), c.Kind)).ToArray());
            var total = report.CountOf(typeof(TItem).Name);
            if (total > items.Count) table.Note = $"The first {items.Count.ToString("#,0", CultureInfo.InvariantCulture)} of {total.ToString("#,0", CultureInfo.InvariantCulture)}.";
            tables.Add(table);
        }

        Add("Claims", claims, [
            ("Verdict", T, c => c.Verdict), ("Claim", T, c => c.Claim), ("Claimed", N, c => c.Claimed), ("Claimed high", N, c => c.ClaimedHigh),
            ("Measured", N, c => c.Measured), ("Ratio", N, c => c.Ratio), ("Tolerance", P, c => c.Tolerance), ("Unexplained", N, c => c.Unexplained),
            ("Unit", T, c => c.Unit), ("Basis", T, c => c.Basis), ("Explanation", T, c => c.Explanation), ("Attribution", T, c => c.Attribution)]);
        var details = claims.SelectMany(c => c.Details.Select(d => (Claim: c, Detail: d))).ToList();
        Add("Claim details", details, [
            ("Claim", T, x => string.IsNullOrEmpty(x.Claim.Id) ? x.Claim.Claim : x.Claim.Id), ("Subject", T, x => x.Detail.Subject), ("Claimed", N, x => x.Detail.Claimed),
            ("Measured", N, x => x.Detail.Measured), ("Ratio", P, x => x.Detail.Ratio), ("Holds", T, x => x.Detail.Holds), ("Note", T, x => x.Detail.Note)]);

        var fleetRows = new List<FleetSummary>(fleets);
        if (inventory.Rows > 0) fleetRows.Insert(0, inventory.Fleet());
        Add("Fleet", fleetRows, [
            ("GPUs", N, f => f.Gpus), ("Models", I, f => f.Models), ("Metric", T, f => f.Metric), ("Reference", T, f => f.Reference), ("Equivalents", N, f => f.Equivalents),
            ("BF16 PFLOPS", N, f => f.Bf16Pflops), ("FP8 PFLOPS", N, f => f.Fp8Pflops), ("Memory TB", N, f => f.MemoryTB), ("IT power MW", N, f => f.ItPowerMW),
            ("Facility power MW", N, f => f.FacilityPowerMW), ("Energy GWh/year", N, f => f.AnnualEnergyGWh), ("Energy cost/year", N, f => f.AnnualEnergyCost),
            ("Currency", T, f => f.Currency), ("PUE", N, f => f.Pue), ("Utilization", P, f => f.Utilization),
            ("Measured GPU-hours", N, f => f.MeasuredGpuHours), ("Measured utilization", P, f => f.MeasuredUtilization), ("Measured energy GWh/year", N, f => f.MeasuredAnnualEnergyGWh),
            ("Notes", T, f => string.Join(" ", f.Notes))]);
        var models = fleetRows.SelectMany(f => f.ByModel).ToList();
        Add("Fleet by model", models, [
            ("Model", T, m => m.Model), ("GPUs", N, m => m.Gpus), ("Equivalents", N, m => m.Equivalents), ("BF16 PFLOPS", N, m => m.Bf16Pflops),
            ("Memory TB", N, m => m.MemoryTB), ("IT power MW", N, m => m.ItPowerMW), ("Names in the input", T, m => string.Join("; ", m.InputNames))]);
        if (inventory.Rows > 0) tables.Add(inventory.HostTable());

        Add("GPU equivalents", equivalents, [
            ("Model", T, e => e.Model), ("Count", N, e => e.Count), ("Metric", T, e => e.Metric), ("Reference", T, e => e.Reference), ("Per unit", N, e => e.PerUnit),
            ("Equivalents", N, e => e.Equivalents), ("Basis", T, e => e.Basis), ("Note", T, e => e.Note)]);
        Add("Market comparisons", markets, [
            ("Label", T, m => m.Label), ("Bound", T, m => m.Bound), ("Amount", U, m => m.AmountUsd), ("Year", T, m => m.Year), ("Rank", I, m => m.Rank),
            ("Economies ranked", I, m => m.EconomiesRanked), ("Above", T, m => m.Above), ("Below", T, m => m.Below), ("Share of world", P, m => m.ShareOfWorld),
            ("Status", T, m => m.Status), ("Edition", T, m => m.Edition)]);
        Add("GDP", gdp, [
            ("ISO3", T, g => g.Iso3), ("Country", T, g => g.Country), ("Year", T, g => g.Year), ("GDP", U, g => g.GdpUsd), ("Rank", I, g => g.Rank),
            ("Status", T, g => g.Status), ("Edition", T, g => g.Edition)]);
        Add("Cluster comparisons", clusters, [
            ("Label", T, c => c.Label), ("Equivalents", N, c => c.Equivalents), ("Date", T, c => c.Date), ("Rank", I, c => c.Rank), ("Clusters ranked", I, c => c.ClustersRanked),
            ("Above", T, c => c.Above), ("Below", T, c => c.Below), ("Times the largest", N, c => c.RatioToLargest), ("Share of shipped", P, c => c.ShareOfShipped?.Median),
            ("Basis", T, c => c.Basis)]);
        Add("GPU prices", prices, [
            ("Model", T, p => p.Model), ("Kind", T, p => p.Kind), ("Provider", T, p => p.Provider), ("Region", T, p => p.Region), ("Instance type", T, p => p.InstanceType),
            ("Price", N, p => p.Value), ("Currency", T, p => p.Currency), ("As of", T, p => p.AsOf), ("Source", T, p => p.Source)]);
        Add("GPU usage", usage, [
            ("Host", T, u => u.Host), ("Model", T, u => u.Model ?? u.RawName), ("GPUs", N, u => u.Gpus), ("GPU-hours", N, u => u.GpuHours),
            ("Utilization", P, u => u.AverageUtilization), ("Power W/GPU", N, u => u.AveragePowerWatts), ("Energy kWh", N, u => u.EnergyKWh),
            ("Start", T, u => u.Start), ("End", T, u => u.End), ("Utilization metric", T, u => u.UtilizationMetric), ("Source", T, u => u.Source), ("Note", T, u => u.Note)]);
        foreach (var other in others)
        {
            var total = report.CountOf(other.Title);
            if (total > other.Rows.Count) other.Note = $"The first {other.Rows.Count.ToString("#,0", CultureInfo.InvariantCulture)} of {total.ToString("#,0", CultureInfo.InvariantCulture)}.";
            tables.Add(other);
        }
        return tables;
    }
}
