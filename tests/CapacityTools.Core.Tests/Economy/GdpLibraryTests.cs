using CapacityTools.Core.Economy;

namespace CapacityTools.Core.Tests.Economy;

public class GdpLibraryTests
{
    [Theory]
    [InlineData("WEO-2025-10", GdpSource.Imf, 197, 13, 1980, 2030, 2025, 2024)]
    [InlineData("WEO-2025-04", GdpSource.Imf, 196, 13, 1980, 2030, 2025, 2024)]
    [InlineData("WEO-2024-10", GdpSource.Imf, 196, 13, 1980, 2029, 2024, 2023)]
    [InlineData("WDI-2024-09", GdpSource.WorldBank, 214, 48, 1960, 2023, null, 2023)]
    public void EmbedsTheFourEditions(string name, GdpSource source, int economies, int aggregates, int first, int last, int? firstProjection, int defaultYear)
    {
        var edition = GdpLibrary.Embedded.Find(name)!;
        var info = edition.Describe();
        Assert.Equal(source, info.Source);
        Assert.Equal(economies, info.Economies);
        Assert.Equal(aggregates, info.Aggregates);
        Assert.Equal((first, last), (info.FirstYear, info.LastYear));
        Assert.Equal(defaultYear, info.DefaultYear);
        Assert.Equal(firstProjection, info.FirstProjectionYear);
        Assert.True(info.HasWorld);
        Assert.Empty(edition.LoadProblems);
        Assert.Equal("Embedded", info.Origin);
        Assert.Contains(source == GdpSource.Imf ? "International Monetary Fund" : "The World Bank", info.Attribution, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTheFlagsOfTheTables()
    {
        var october = GdpLibrary.Embedded.Find("WEO-2025-10")!;
        Assert.Equal(GdpStatus.Projection, october.GetYear(2025)!.Status);
        Assert.Equal(GdpStatus.Actual, october.GetYear(2024)!.Status);
        Assert.Equal(GdpStatus.Projection, GdpLibrary.Embedded.Find("WEO-2024-10")!.GetYear(2024)!.Status);
        Assert.Equal(191, october.GetYear(2025)!.Ranked.Count);
        Assert.Equal(195, october.GetYear(2023)!.Ranked.Count);
        // Liechtenstein is new in October 2025.
        Assert.True(october.Contains(EconomyDirectory.Embedded.Find("LIE")!));
        Assert.False(GdpLibrary.Embedded.Find("WEO-2025-04")!.Contains(EconomyDirectory.Embedded.Find("LIE")!));
    }

    [Fact]
    public void NeverRanksAggregates()
    {
        var wdi = GdpLibrary.Embedded.Find("WDI-2024-09")!.GetYear(2023)!;
        Assert.DoesNotContain(wdi.Ranked, f => f.Economy.IsAggregate);
        Assert.Equal("USA", wdi.Ranked[0].Economy.Iso3);
        Assert.Equal("WLD", wdi.World!.SourceCode);
        Assert.DoesNotContain(wdi.Ranked, f => f.Economy.Iso3 == "TWN");
    }

    [Theory]
    [InlineData(null, null, "WEO-2025-10")]
    [InlineData("weo-2025-04", null, "WEO-2025-04")]
    [InlineData(null, GdpSource.WorldBank, "WDI-2024-09")]
    [InlineData(null, GdpSource.Imf, "WEO-2025-10")]
    [InlineData("WEO-2024-10", GdpSource.Imf, "WEO-2024-10")]
    public void SelectsEditions(string? name, GdpSource? source, string expected)
    {
        Assert.Equal(expected, GdpLibrary.Embedded.Select(name, source, out _)!.Name);
    }

    [Theory]
    [InlineData("WEO-1999-01", null, "UnknownGdpEdition")]
    [InlineData("WDI-2024-09", GdpSource.Imf, "GdpSourceMismatch")]
    [InlineData(null, GdpSource.Other, "NoGdpEditionForSource")]
    public void RefusesEditionsItDoesNotHave(string? name, GdpSource? source, string errorId)
    {
        Assert.Null(GdpLibrary.Embedded.Select(name, source, out var problem));
        Assert.Equal(errorId, problem!.ErrorId);
    }

    [Fact]
    public void AddsImportedEditionsToANewLibraryOnly()
    {
        var edition = GdpFileReader.Read(System.Text.Encoding.UTF8.GetBytes("iso3,country,year,value_usd\nPOL,Poland,2026,1000000000000\n"), "mine.csv", "Mine", EconomyDirectory.Embedded);
        var library = GdpLibrary.Embedded.With(edition);
        Assert.Same(edition, library.Find("mine"));
        Assert.Null(GdpLibrary.Embedded.Find("Mine"));
        Assert.Equal(["WEO-2025-10", "WEO-2025-04", "WEO-2024-10", "WDI-2024-09", "Mine"], library.Names);
        Assert.Equal("Mine", library.Select(null, GdpSource.Other, out _)!.Name);
        var replaced = library.With(edition);
        Assert.Equal(5, replaced.Names.Count());
        var taken = GdpFileReader.Read(System.Text.Encoding.UTF8.GetBytes("iso3,country,year,value_usd\nPOL,Poland,2026,1\n"), "x.csv", "wdi-2024-09", EconomyDirectory.Embedded);
        Assert.Equal("GdpEditionNameTaken", Assert.Throws<CapacityException>(() => library.With(taken)).Problem.ErrorId);
    }

    [Fact]
    public void LoadsEachEditionOnceUnderConcurrency()
    {
        var editions = new GdpEdition[16];
        Parallel.For(0, editions.Length, i => editions[i] = GdpLibrary.Embedded.Find(i % 2 == 0 ? "WEO-2025-10" : "WDI-2024-09")!);
        Assert.All(editions.Where((_, i) => i % 2 == 0), e => Assert.Same(editions[0], e));
        Assert.All(editions.Where((_, i) => i % 2 == 1), e => Assert.Same(editions[1], e));
        Assert.Same(GdpLibrary.Embedded, GdpLibrary.Embedded);
    }

    [Fact]
    public void DescribesYearsWithGaps()
    {
        Assert.Equal("1980–2030", GdpEdition.DescribeYears(Enumerable.Range(1980, 51).ToList()));
        Assert.Equal("2000, 2002–2004", GdpEdition.DescribeYears([2000, 2002, 2003, 2004]));
        Assert.Equal("no years", GdpEdition.DescribeYears([]));
    }
}
