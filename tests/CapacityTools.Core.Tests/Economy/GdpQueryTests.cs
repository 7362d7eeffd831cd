using CapacityTools.Core.Economy;

namespace CapacityTools.Core.Tests.Economy;

public class GdpQueryTests
{
    private static readonly GdpEdition Weo = GdpLibrary.Embedded.Find(GdpLibrary.DefaultEdition)!;

    [Fact]
    public void NamesCodesAndPatternsAnswerAndTheRestAreProblems()
    {
        var sink = new ListSink();
        var figures = GdpQuery.Figures(Weo, ["POL", "DE", "Nowhere", "Korea*"], [2024, 1700], false, sink).ToList();
        Assert.Equal(["POL", "DEU", "KOR"], figures.Select(f => f.Iso3).ToArray());
        Assert.All(figures, f => Assert.Equal(2024, f.Year));
        Assert.Equal([ErrorIds.YearNotInEdition, ErrorIds.UnknownCountry], sink.Problems.Select(p => p.ErrorId).ToArray());
    }

    [Fact]
    public void APatternThatMatchesNothingIsAProblemAndAggregatesNeedAskingFor()
    {
        var sink = new ListSink();
        Assert.Empty(GdpQuery.Figures(Weo, ["Atlantis*"], [2024], false, sink));
        Assert.Equal(ErrorIds.UnknownCountry, Assert.Single(sink.Problems).ErrorId);
        var all = GdpQuery.Figures(Weo, null, [2024], includeAggregates: true, new ListSink()).ToList();
        Assert.Contains(all, f => f.Iso3 == "POL");
        Assert.True(all.Count > GdpQuery.Figures(Weo, null, [2024], false, new ListSink()).Count());
    }

    [Fact]
    public void AProjectedYearSaysItIsAForecast()
    {
        Assert.Contains("forecast", Weo.GetYear(2030)!.ProjectionWarning(Weo.Name));
        Assert.Null(Weo.GetYear(2020)!.ProjectionWarning(Weo.Name));
    }

    [Theory]
    [InlineData("Korea*", "Korea, Republic of", true)]
    [InlineData("k?r", "KOR", true)]
    [InlineData("[ab]*", "Brazil", true)]
    [InlineData("a`*", "a*", true)]
    [InlineData("a`*", "ab", false)]
    [InlineData("POL", "pol", true)]
    public void GlobsMatchAsPowerShellWildcardsDo(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new Glob(pattern).IsMatch(text));
}
