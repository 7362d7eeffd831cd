using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Reporting;
using CapacityTools.Core.Verdicts;

namespace CapacityTools.Core.Tests.Reporting;

/// <summary>A report of the seed claims, a market comparison and a small fleet whose host names are hostile.</summary>
internal static class ReportSamples
{
    public const string ScriptHost = "<img src=x onerror=alert(1)>";
    public const string FormulaHost = "=HYPERLINK(\"http://example.invalid\",\"x\")";

    public static Report Seed()
    {
        var report = new Report("Seed claims <b>&</b>", GpuCatalog.Embedded);
        var weo = GdpLibrary.Embedded.Find(GdpLibrary.DefaultEdition)!;
        var sink = new ListSink();
        foreach (var row in ClaimRows.Embedded)
            report.Add(ClaimRows.Check(row, id => ClaimRows.Embedded.FirstOrDefault(r => r.Id == id), GpuCatalog.Embedded, weo, null, sink)!);
        var amount = AmountParser.Parse("$800 billion", null, out _)!;
        foreach (var m in MarketComparer.Compare(weo, weo.GetYear(2024)!, amount, "Metaverse revenue", 5)) report.Add(m);
        report.Add(new GpuInventoryItem { Host = ScriptHost, Model = "H100-SXM5-80GB", RawName = "H100", Count = 8 });
        report.Add(new GpuInventoryItem { Host = FormulaHost, Model = "A100-SXM4-80GB", RawName = "A100", Count = 8 });
        report.Add(new GpuInventoryItem { Host = "node|03", Model = "A100-SXM4-80GB", RawName = "A100", Count = 4 });
        Assert.Empty(sink.Problems);
        return report;
    }

    public static string Text(Report report, ReportFormat format)
    {
        using var stream = new MemoryStream();
        ReportWriter.Write(report, format, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
