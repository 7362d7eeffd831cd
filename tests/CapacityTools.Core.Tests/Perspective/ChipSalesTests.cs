using System.Globalization;
using CapacityTools.Core.Data;
using CapacityTools.Core.Perspective;

namespace CapacityTools.Core.Tests.Perspective;

/// <summary>The share of compute shipped, checked against the seed file and Epoch's published figures.</summary>
public class ChipSalesTests
{
    private static string SeedPath(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "seeds", file);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(file);
    }

    [Fact]
    public void EndOf2024AddsTheFourVendorsLastQuarters()
    {
        var share = ChipSales.Embedded.ShareOf(600000, new DateTime(2024, 12, 31))!;
        // Epoch's Q4 2024 cumulative H100e: NVIDIA 4,724,425; Google TPU 951,445; AMD 549,726; Amazon Trainium 306,330 (medians).
        Assert.Equal(4724425 + 951445 + 549726 + 306330, share.ShippedH100eMedian);
        Assert.Equal(4009641 + 756547 + 456658 + 212809, share.ShippedH100eP5);
        Assert.Equal(5501653 + 1167710 + 653064 + 438612, share.ShippedH100eP95);
        Assert.Equal(600000.0 / 6531926, share.Median, 12);
        Assert.Equal(600000.0 / 7761039, share.Low, 12);
        Assert.Equal(600000.0 / 5435655, share.High, 12);
        Assert.Equal(0.092, share.Median, 3);
        Assert.Equal(["AMD", "Amazon Trainium", "Google TPU", "NVIDIA"], share.Vendors.Select(v => v.Vendor).OrderBy(v => v, StringComparer.Ordinal));
        Assert.All(share.Vendors, v => Assert.Equal(new DateTime(2024, 12, 31), v.Through));
        Assert.Equal(new DateTime(2022, 1, 1), share.Vendors.Single(v => v.Vendor == "NVIDIA").From);
    }

    [Fact]
    public void EveryDateMatchesAnIndependentReadOfTheSeedFile()
    {
        using var stream = File.OpenRead(SeedPath("epoch-ai-chip-sales.csv"));
        var rows = CsvRecords.Read(stream, "seed").Rows.Select(r => (
            Vendor: r.Get("Vendor")!, End: DateTime.ParseExact(r.Get("EndDate")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Median: r.GetDouble("H100eMedian")!.Value, P5: r.GetDouble("H100eP5")!.Value, P95: r.GetDouble("H100eP95")!.Value,
            Incomplete: r.Get("Incomplete") == "Yes")).ToList();
        Assert.All(rows, r => Assert.True(r.P5 <= r.Median && r.Median <= r.P95, $"{r.Vendor} {r.End:d}"));
        foreach (var date in new[] { new DateTime(2023, 6, 30), new DateTime(2024, 8, 15), new DateTime(2025, 12, 31), new DateTime(2026, 6, 30) })
        {
            var expected = rows.Where(r => r.End <= date && !r.Incomplete).GroupBy(r => r.Vendor).Select(g => g.OrderBy(r => r.End).Last()).ToList();
            var share = ChipSales.Embedded.ShareOf(1000, date)!;
            Assert.Equal(expected.Sum(r => r.Median), share.ShippedH100eMedian);
            Assert.Equal(expected.Sum(r => r.P5), share.ShippedH100eP5);
            Assert.Equal(expected.Sum(r => r.P95), share.ShippedH100eP95);
            Assert.Equal(expected.Count, share.Vendors.Count);
        }
    }

    [Fact]
    public void IncompleteQuartersAreNotCountedAndTheNotesSaySo()
    {
        var share = ChipSales.Embedded.ShareOf(1000, new DateTime(2026, 6, 30))!;
        var nvidia = share.Vendors.Single(v => v.Vendor == "NVIDIA");
        Assert.Equal(new DateTime(2025, 12, 31), nvidia.Through);
        Assert.Equal(13659258, nvidia.H100eMedian);
        Assert.Contains(share.Notes, n => n.StartsWith("NVIDIA: Epoch marks the quarter to 2026-03-31 incomplete"));
        Assert.Contains(share.Notes, n => n.Contains("complete figures end 2025-12-31"));
    }

    [Fact]
    public void VendorsWhoseSeriesHasNotStartedAreNamed()
    {
        var share = ChipSales.Embedded.ShareOf(1000, new DateTime(2023, 3, 31))!;
        Assert.Equal(["Google TPU", "NVIDIA"], share.Vendors.Select(v => v.Vendor).OrderBy(v => v, StringComparer.Ordinal));
        Assert.Contains(share.Notes, n => n.StartsWith("AMD: Epoch's series starts 2024-01-01"));
        Assert.Null(ChipSales.Embedded.ShareOf(1000, new DateTime(2022, 3, 30)));
        Assert.Single(ChipSales.Embedded.ShareOf(1000, new DateTime(2022, 3, 31))!.Vendors);
    }
}
