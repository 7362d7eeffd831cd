using CapacityTools.Core.Economy;

namespace CapacityTools.Core.Tests.Economy;

public class EconomyDirectoryTests
{
    private static readonly EconomyDirectory Directory = EconomyDirectory.Embedded;

    [Fact]
    public void HasNoConflictingCodesOrNames()
    {
        Assert.Empty(Directory.Conflicts);
        Assert.Equal(215, Directory.Economies.Count(e => !e.IsAggregate));
        Assert.Equal(13 + 45, Directory.Economies.Count(e => e.IsAggregate));
    }

    [Theory]
    [InlineData("Taiwan", "TWN")]
    [InlineData("Taiwan Province of China", "TWN")]
    [InlineData("Chinese Taipei", "TWN")]
    [InlineData("Kosovo", "XKX")]
    [InlineData("XKX", "XKX")]
    [InlineData("UVK", "XKX")]
    [InlineData("KOS", "XKX")]
    [InlineData("967", "XKX")]
    [InlineData("Kosovo, Republic of", "XKX")]
    [InlineData("West Bank and Gaza", "PSE")]
    [InlineData("PSE", "PSE")]
    [InlineData("WBG", "PSE")]
    [InlineData("Palestine", "PSE")]
    [InlineData("Korea", "KOR")]
    [InlineData("South Korea", "KOR")]
    [InlineData("Korea, Republic of", "KOR")]
    [InlineData("Korea, Rep.", "KOR")]
    [InlineData("Republic of Korea", "KOR")]
    [InlineData("Türkiye", "TUR")]
    [InlineData("Turkiye", "TUR")]
    [InlineData("Turkey", "TUR")]
    [InlineData("Türkiye, Republic of", "TUR")]
    [InlineData("Poland", "POL")]
    [InlineData("Poland, Republic of", "POL")]
    [InlineData("poland", "POL")]
    [InlineData("  POLAND ", "POL")]
    [InlineData("pol", "POL")]
    [InlineData("964", "POL")]
    [InlineData("Netherlands, The", "NLD")]
    [InlineData("Netherlands", "NLD")]
    [InlineData("China, People's Republic of", "CHN")]
    [InlineData("China", "CHN")]
    [InlineData("Hong Kong SAR", "HKG")]
    [InlineData("Hong Kong SAR, China", "HKG")]
    [InlineData("Côte d'Ivoire", "CIV")]
    [InlineData("Cote d'Ivoire", "CIV")]
    [InlineData("Ivory Coast", "CIV")]
    [InlineData("Sao Tome and Principe", "STP")]
    [InlineData("US", "USA")]
    [InlineData("U.S.", "USA")]
    [InlineData("United States of America", "USA")]
    [InlineData("UK", "GBR")]
    [InlineData("Russia", "RUS")]
    [InlineData("Cuba", "CUB")]
    [InlineData("World", "G001")]
    [InlineData("WLD", "G001")]
    [InlineData("001", "G001")]
    [InlineData("1", "G001")]
    [InlineData("EU", "G998")]
    [InlineData("European Union (EU)", "G998")]
    [InlineData("EUU", "G998")]
    [InlineData("Euro area", "G163")]
    [InlineData("EMU", "G163")]
    [InlineData("Eurozone", "G163")]
    [InlineData("High income", "HIC")]
    public void FindsEconomiesByCodeNameAndAlias(string text, string iso3)
    {
        Assert.Equal(iso3, Directory.Find(text)?.Iso3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData("Korea, North")]
    [InlineData("ZZZ")]
    public void FindsNothingForUnknownNames(string text)
    {
        Assert.Null(Directory.Find(text));
    }

    [Fact]
    public void IgnoresTheCurrentCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal(["IRL", "ITA", "IND", "CHL"], new[] { "irl", "italy", "ind", "CHILE" }.Select(t => Directory.Find(t)?.Iso3));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void SuggestsCloseNames()
    {
        var suggestions = EconomyDirectory.Suggest("Polnd", Directory.Economies);
        Assert.Equal("Poland (POL)", suggestions[0]);
        Assert.Contains("Switzerland (CHE)", EconomyDirectory.Suggest("Switzerlnd", Directory.Economies));
        Assert.Empty(EconomyDirectory.Suggest("", Directory.Economies));
    }

    [Fact]
    public void DisplaysTheShortImfName()
    {
        Assert.Equal("Poland", Directory.Find("POL")!.Name);
        Assert.Equal("Liechtenstein", Directory.Find("LIE")!.Name); // new in October 2025: the World Bank's name
        Assert.Equal("Cuba", Directory.Find("CUB")!.Name); // World Bank only
        Assert.True(Directory.Find("WLD")!.IsAggregate);
        Assert.False(Directory.Find("TWN")!.IsAggregate);
    }

    [Theory]
    [InlineData("DE", "DEU")]
    [InlineData("fr", "FRA")]
    [InlineData("GB", "GBR")]
    [InlineData("JP", "JPN")]
    [InlineData("CN", "CHN")]
    [InlineData("IN", "IND")]
    [InlineData("CI", "CIV")]
    public void Iso3166Alpha2CodesFindTheirEconomy(string code, string iso3)
    {
        Assert.Equal(iso3, EconomyDirectory.Embedded.FindByCode(code)!.Iso3);
        Assert.Empty(EconomyDirectory.Embedded.Conflicts);
    }

    [Theory]
    [InlineData("Cote d'Ivoire", "CIV")]
    [InlineData("cote divoire", "CIV")]
    [InlineData("Türkiye", "TUR")]
    [InlineData("turkiye", "TUR")]
    public void NamesMatchWithoutDiacritics(string name, string iso3) =>
        Assert.Equal(iso3, EconomyDirectory.Embedded.Find(name)!.Iso3);
}
