using System.Text;
using CapacityTools.Core.Economy;

namespace CapacityTools.Core.Tests.Economy;

/// <summary>Each layout Import-GdpData detects, read from small files built from the layouts' documentation.</summary>
public class GdpFileReaderTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "gdp", name);

    private static GdpEdition ReadText(string text, string fileName = "test.csv", string? edition = "Test", Encoding? encoding = null) =>
        GdpFileReader.Read((encoding ?? new UTF8Encoding(false)).GetBytes(text), fileName, edition, EconomyDirectory.Embedded);

    private static double Usd(GdpEdition edition, string country, int year) => edition.Find(country, year, true, out _)!.Usd;

    [Fact]
    public void ReadsTheClassicWeoFileInUtf16()
    {
        var edition = GdpFileReader.Read(DataFile("weo-classic-utf16.xls"), null, EconomyDirectory.Embedded);
        var embedded = GdpLibrary.Embedded.Find("WEO-2024-10")!;
        Assert.Equal("WEO-2024-10", edition.Name); // from the source line at the end of the file
        Assert.Equal(GdpFileLayout.ImfClassicWeo, edition.Layout);
        Assert.Equal(GdpSource.Imf, edition.Source);
        Assert.Equal("International Monetary Fund, World Economic Outlook Database, October 2024", edition.Title);
        Assert.Equal(2024, edition.FirstProjectionYear);
        Assert.Empty(edition.LoadProblems);
        // Thousands separators read, billions scaled to dollars: the embedded figures exactly.
        foreach (var (country, year) in new[] { "USA", "POL", "TWN", "XKX", "PSE", "CIV" }.SelectMany(c => new[] { (c, 2020), (c, 2023) })
                     .Concat([("USA", 2024), ("POL", 2029), ("TWN", 2029), ("XKX", 2029)]))
        {
            {
                var own = embedded.Find(country, year, false, out _)!;
                var read = edition.Find(country, year, false, out _)!;
                Assert.Equal(own.Usd, read.Usd);
                Assert.Equal(own.Status, read.Status);
            }
        }
        Assert.Equal("UVK", edition.Find("XKX", 2023, false, out _)!.SourceCode);
        Assert.Equal("WBG", edition.Find("PSE", 2023, false, out _)!.SourceCode);
        // n/a is missing, never zero: Syria has no value in 2020-2029, so it is not in the edition.
        Assert.Null(edition.Find("SYR", 2024, false, out var problem));
        Assert.Equal("CountryNotInEdition", problem!.ErrorId);
        // Only NGDPD rows: the NGDP_RPCH rows (all '--') add nothing.
        Assert.Equal(9, edition.Economies.Count);
    }

    [Fact]
    public void ReadsTheClassicWeoFileInLatin1()
    {
        var bytes = File.ReadAllBytes(DataFile("weo-classic-latin1.xls"));
        Assert.Contains((byte)0xF4, bytes); // the ô of Côte d'Ivoire, one Latin-1 byte
        var edition = GdpFileReader.Read(DataFile("weo-classic-latin1.xls"), null, EconomyDirectory.Embedded);
        Assert.Equal("WEO-2025-04", edition.Name);
        Assert.Equal(2025, edition.FirstProjectionYear);
        var civ = edition.Find("Côte d'Ivoire", 2024, false, out _)!;
        Assert.Equal("Côte d'Ivoire", civ.SourceName);
        Assert.Equal(GdpLibrary.Embedded.Find("WEO-2025-04")!.Find("CIV", 2024, false, out _)!.Usd, civ.Usd);
        Assert.Equal(908_583_000_000, Usd(edition, "Poland", 2024));
    }

    [Fact]
    public void ReadsTheDataPortalExport()
    {
        var edition = GdpFileReader.Read(DataFile("weo-portal.csv"), null, EconomyDirectory.Embedded);
        var embedded = GdpLibrary.Embedded.Find("WEO-2025-10")!;
        Assert.Equal(GdpFileLayout.ImfDataPortal, edition.Layout);
        Assert.Equal("WEO-2025-10", edition.Name); // from PUBLICATION_DATE
        Assert.Equal(2025, edition.FirstProjectionYear);
        Assert.Equal("XKX", edition.Find("KOS", 2024, false, out _)!.Economy.Iso3);
        Assert.Equal("PSE", edition.Find("WBG", 2024, false, out _)!.Economy.Iso3);
        Assert.Equal(embedded.Find("POL", 2030, false, out _)!.Usd, Usd(edition, "POL", 2030));
        // The NGDPDPC rows are skipped: Poland's 2024 value is GDP, not GDP per person.
        Assert.Equal(914_553_000_000, Usd(edition, "POL", 2024));
        // The World aggregate is a group with the IMF's own figure; groups have no latest-actual year.
        var world = edition.GetYear(2024)!.World!;
        Assert.True(world.Economy.IsAggregate);
        Assert.Equal(111_112_860_000_000, world.Usd);
        Assert.Equal(GdpStatus.Estimate, world.Status);
        Assert.Equal(GdpStatus.Projection, edition.GetYear(2030)!.World!.Status);
        // A fiscal-year latest-actual string takes its leading year (FY2024/25 -> 2024).
        Assert.Equal(GdpStatus.Actual, edition.Find("EGY", 2024, false, out _)!.Status);
        // An empty cell is missing: West Bank and Gaza has no 2025 value.
        Assert.Null(edition.Find("PSE", 2025, false, out var problem));
        Assert.Equal("GdpValueMissing", problem!.ErrorId);
    }

    [Fact]
    public void ReadsTheWorldBankBulkFileWithItsPreamble()
    {
        var text = File.ReadAllText(DataFile("wb-bulk.csv"));
        Assert.Contains("\r\n", text);
        var edition = GdpFileReader.Read(DataFile("wb-bulk.csv"), null, EconomyDirectory.Embedded);
        Assert.Equal(GdpFileLayout.WorldBankBulk, edition.Layout);
        Assert.Equal("WDI-2024-09", edition.Name);
        Assert.Equal(GdpSource.WorldBank, edition.Source);
        var embedded = GdpLibrary.Embedded.Find("WDI-2024-09")!;
        Assert.Equal(embedded.Find("POL", 2023, false, out _)!.Usd, Usd(edition, "POL", 2023));
        // Aggregates mixed into the file are groups, never ranked; WLD is the World.
        var year = edition.GetYear(2023)!;
        Assert.DoesNotContain(year.Ranked, f => f.Economy.IsAggregate);
        Assert.Equal(9, year.Ranked.Count); // Syria has no 2023 value in WDI
        Assert.Equal("WLD", year.World!.SourceCode);
        Assert.Equal(["G001", "HIC", "G998", "G163"], year.Aggregates.Select(a => a.Economy.Iso3));
        Assert.All(year.Ranked, f => Assert.Equal(GdpStatus.Actual, f.Status));
        // Empty strings are missing values: Kosovo starts in 2000 in WDI.
        Assert.Null(edition.Find("XKX", 1990, false, out _));
        // Errors point at the file's own lines, preamble included.
        var broken = text.Replace("\"Poland\",\"POL\",\"GDP (current US$)\",\"NY.GDP.MKTP.CD\",\"", "\"Poland\",\"POL\",\"GDP (current US$)\",\"NY.GDP.MKTP.CD\",\"x");
        var withError = GdpFileReader.Read(Encoding.UTF8.GetBytes(broken), "wb.csv", "X", EconomyDirectory.Embedded);
        var line = text.Split('\n').Select((l, i) => (l, i)).First(p => p.l.StartsWith("\"Poland\"", StringComparison.Ordinal)).i + 1;
        Assert.Equal(line, Assert.Single(withError.LoadProblems).Location!.Line);
    }

    [Fact]
    public void ReadsTheTidyLayoutAndTheWorldBankLongLayout()
    {
        var tidy = ReadText("iso3,country,year,indicator,value_usd,estimate_or_projection\nPOL,Poland,2024,NGDPD,914553000000,actual\nPOL,Poland,2030,NGDPD,1200000000000,projection\n");
        Assert.Equal(GdpFileLayout.Tidy, tidy.Layout);
        Assert.Equal(GdpSource.Other, tidy.Source); // the user's own file, whatever indicator code it borrows
        Assert.Equal(GdpStatus.Projection, tidy.Find("POL", 2030, false, out _)!.Status);
        Assert.Equal(2024, tidy.DefaultYear);

        var wb = ReadText("Country Name,Country Code,Year,Value\r\n\"Bahamas, The\",BHS,2023,14338500000\r\nWorld,WLD,2023,105435039470010.4\r\n");
        Assert.Equal(GdpFileLayout.WorldBankLong, wb.Layout);
        Assert.Equal("Bahamas, The", wb.Find("BHS", 2023, false, out _)!.SourceName);
        Assert.Single(wb.GetYear(2023)!.Ranked);
    }

    [Fact]
    public void UnknownCodesJoinTheEditionAsTheyAre()
    {
        var edition = ReadText("iso3,country,year,value_usd\nPOL,Poland,2024,914553000000\nXYZ,Newland,2024,5000000000\nG999,Some Group,2024,999000000000\n");
        Assert.Equal(GdpSource.Other, edition.Source);
        Assert.Equal("Newland", edition.Find("Newland", 2024, false, out _)!.Economy.Name);
        Assert.Equal(2, edition.GetYear(2024)!.Ranked.Count);
        Assert.True(edition.Find("G999", 2024, true, out _)!.Economy.IsAggregate);
    }

    [Theory]
    [InlineData("iso3,country,year,value_usd\nPOL,Poland,2024,lots\nCHE,Switzerland,2024,938153000000\n", "InvalidGdpRow", 2)]
    [InlineData("iso3,country,year,value_usd\nPOL,Poland,2024,0\nCHE,Switzerland,2024,938153000000\n", "InvalidGdpRow", 2)]
    [InlineData("iso3,country,year,value_usd\nPOL,Poland,2024,-5\nCHE,Switzerland,2024,938153000000\n", "InvalidGdpRow", 2)]
    [InlineData("iso3,country,year,value_usd\nPOL,Poland,24,914553000000\nCHE,Switzerland,2024,938153000000\n", "InvalidGdpRow", 2)]
    [InlineData("iso3,country,year,value_usd\nPOL,Poland,1850,914553000000\nCHE,Switzerland,2024,938153000000\n", "InvalidGdpRow", 2)]
    [InlineData("iso3,country,year,value_usd\n,Poland,2024,914553000000\nCHE,Switzerland,2024,938153000000\n", "InvalidGdpRow", 2)]
    [InlineData("iso3,country,year,value_usd,estimate_or_projection\nPOL,Poland,2024,914553000000,forecast\nCHE,Switzerland,2024,938153000000,actual\n", "InvalidGdpRow", 2)]
    [InlineData("iso3,country,year,value_usd\nCHE,Switzerland,2024,938153000000\nUVK,Kosovo,2024,11000000000\nKOS,Kosovo,2024,11000000000\n", "DuplicateGdpValue", 4)]
    public void ReportsABadRowWithItsLineAndKeepsTheOthers(string text, string errorId, int line)
    {
        var edition = ReadText(text, "bad.csv");
        var problem = Assert.Single(edition.LoadProblems);
        Assert.Equal(errorId, problem.ErrorId);
        Assert.Equal("bad.csv", problem.Location!.File);
        Assert.Equal(line, problem.Location.Line);
        Assert.Equal(1, edition.RowsSkipped);
        Assert.Equal(938_153_000_000, Usd(edition, "CHE", 2024));
    }

    [Theory]
    [InlineData("Region;Revenue\nEMEA;12\n", "UnknownGdpLayout")]
    [InlineData("", "UnknownGdpLayout")]
    [InlineData("iso3,country,year,indicator,value_usd\nPOL,Poland,2024,PPPGDP,1800000000000\n", "NoGdpIndicator")]
    [InlineData("iso3,country,year,value_usd\nPOL,Poland,2024,n/a\n", "NoGdpValues")]
    [InlineData("WEO Country Code\tISO\tWEO Subject Code\tCountry\tUnits\tScale\t2024\tEstimates Start After\n964\tPOL\tLP\tPoland\tPersons\tMillions\t36.6\t2024\n", "NoGdpIndicator")]
    public void RefusesAFileItCannotUse(string text, string errorId)
    {
        var ex = Assert.Throws<CapacityException>(() => ReadText(text, "x.csv"));
        Assert.Equal(errorId, ex.Problem.ErrorId);
        Assert.False(string.IsNullOrEmpty(ex.Problem.RecommendedAction));
    }

    [Fact]
    public void ReadsUtf16WithoutAByteOrderMark()
    {
        var text = "WEO Country Code\tISO\tWEO Subject Code\tCountry\tUnits\tScale\t2023\t2024\tEstimates Start After\r\n" +
                   "964\tPOL\tNGDPD\tPoland\tU.S. dollars\tBillions\t\"812,959\"\t914.553\t2024\r\n" +
                   "528\tTWN\tNGDPD\tTaiwan Province of China\tU.S. dollars\tBillions\t--\tn/a\t2024\r\n" +
                   "\r\nInternational Monetary Fund, World Economic Outlook Database, April 2026\r\n";
        var edition = ReadText(text, "WEOApr2026all.xls", null, new UnicodeEncoding(bigEndian: false, byteOrderMark: false));
        Assert.Equal("WEO-2026-04", edition.Name);
        Assert.Equal(812_959_000_000_000, Usd(edition, "POL", 2023));
        Assert.Equal(914_553_000_000, Usd(edition, "POL", 2024));
        Assert.False(edition.Contains(EconomyDirectory.Embedded.Find("TWN")!));
    }

    [Fact]
    public void NamesAClassicEditionFromItsFileNameWhenTheSourceLineIsMissing()
    {
        var text = "WEO Country Code\tISO\tWEO Subject Code\tCountry\tUnits\tScale\t2024\tEstimates Start After\n964\tPOL\tNGDPD\tPoland\tU.S. dollars\tBillions\t914.553\t2024\n";
        Assert.Equal("WEO-2026-04", ReadText(text, "WEOApr2026all.xls", null).Name);
        Assert.Equal("mine", ReadText(text, "mine.xls", null).Name);
        Assert.Equal("Chosen", ReadText(text, "WEOApr2026all.xls", "Chosen").Name);
    }

    [Fact]
    public void RejectsACommaThatIsNotAThousandsSeparator()
    {
        var text = "WEO Country Code\tISO\tWEO Subject Code\tCountry\tUnits\tScale\t2024\tEstimates Start After\n964\tPOL\tNGDPD\tPoland\tU.S. dollars\tBillions\t914,55\t2024\n528\tTWN\tNGDPD\tTaiwan\tU.S. dollars\tBillions\t797.004\t2024\n";
        var edition = ReadText(text, "x.xls");
        Assert.Equal("InvalidGdpRow", Assert.Single(edition.LoadProblems).ErrorId);
        Assert.Equal(797_004_000_000, Usd(edition, "TWN", 2024));
    }
}
