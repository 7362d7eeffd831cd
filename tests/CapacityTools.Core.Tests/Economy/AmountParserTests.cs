using System.Globalization;
using CapacityTools.Core.Economy;

namespace CapacityTools.Core.Tests.Economy;

public class AmountParserTests
{
    [Theory]
    [InlineData("$800 billion", 800e9)]
    [InlineData("800B", 800e9)]
    [InlineData("800 B", 800e9)]
    [InlineData("800b", 800e9)]
    [InlineData("0.8T", 800e9)]
    [InlineData(".8T", 800e9)]
    [InlineData("US$ 1.2 trillion", 1.2e12)]
    [InlineData("US$1.2tn", 1.2e12)]
    [InlineData("U.S.$ 1.2 trillion", 1.2e12)]
    [InlineData("USD 800bn", 800e9)]
    [InlineData("800 billion USD", 800e9)]
    [InlineData("$800 billion USD", 800e9)]
    [InlineData("800 billion US dollars", 800e9)]
    [InlineData("800 billion U.S. dollars", 800e9)]
    [InlineData("800,000,000,000", 800e9)]
    [InlineData("$800,000,000,000", 800e9)]
    [InlineData("800000000000", 800e9)]
    [InlineData("8e11", 800e9)]
    [InlineData("8E+11", 800e9)]
    [InlineData("800bn", 800e9)]
    [InlineData("800 bln", 800e9)]
    [InlineData("1.2 tn", 1.2e12)]
    [InlineData("1.2 trn", 1.2e12)]
    [InlineData("$5M", 5e6)]
    [InlineData("$5 mn", 5e6)]
    [InlineData("5MM", 5e6)]
    [InlineData("250k", 250e3)]
    [InlineData("250 thousand", 250e3)]
    [InlineData("$1,234.5 million", 1234.5e6)]
    [InlineData("  $800\u00A0billion  ", 800e9)]
    [InlineData("~$800 billion", 800e9)]
    [InlineData("about $800bn", 800e9)]
    [InlineData("≈ 0.8 T", 800e9)]
    [InlineData("$800 Billion.", 800e9)]
    public void ReadsSingleAmounts(string text, double expected)
    {
        var amount = AmountParser.Parse(text, null, out var problem);
        Assert.Null(problem);
        Assert.NotNull(amount);
        Assert.False(amount!.IsRange);
        Assert.Equal("USD", amount.Currency);
        Assert.Equal(expected, amount.LowUsd, expected * 1e-12);
    }

    [Theory]
    [InlineData("$6-13 trillion", 6e12, 13e12)]
    [InlineData("$6–13 trillion", 6e12, 13e12)]
    [InlineData("$6T–$13T", 6e12, 13e12)]
    [InlineData("$6T-$13T", 6e12, 13e12)]
    [InlineData("$6T — $13T", 6e12, 13e12)]
    [InlineData("6 to 13 trillion", 6e12, 13e12)]
    [InlineData("between $6 and $13 trillion", 6e12, 13e12)]
    [InlineData("$800B-1.2T", 800e9, 1.2e12)]
    [InlineData("6000000000000-13000000000000", 6e12, 13e12)]
    [InlineData("US$ 6 - 13 tn", 6e12, 13e12)]
    public void ReadsRanges(string text, double low, double high)
    {
        var amount = AmountParser.Parse(text, null, out var problem);
        Assert.Null(problem);
        Assert.True(amount!.IsRange);
        Assert.Equal(low, amount.LowUsd, low * 1e-12);
        Assert.Equal(high, amount.HighUsd!.Value, high * 1e-12);
    }

    [Theory]
    [InlineData("", "EmptyAmount")]
    [InlineData("   ", "EmptyAmount")]
    [InlineData(null, "EmptyAmount")]
    [InlineData("eight hundred billion", "InvalidAmount")]
    [InlineData("$", "InvalidAmount")]
    [InlineData("billion", "InvalidAmount")]
    [InlineData("12 apples", "InvalidAmount")]
    [InlineData("800 billion the", "InvalidAmount")]
    [InlineData("800,5 billion", "InvalidAmount")]
    [InlineData("1,23,000", "InvalidAmount")]
    [InlineData("1.234,5", "InvalidAmount")]
    [InlineData("1.2.3B", "InvalidAmount")]
    [InlineData("800.B", "InvalidAmount")]
    [InlineData("800 billion billion", "InvalidAmount")]
    [InlineData("800BB", "InvalidAmount")]
    [InlineData("8e", "InvalidAmount")]
    [InlineData("1e-3", "InvalidAmount")]
    [InlineData("5%", "InvalidAmount")]
    [InlineData("0.7 % of GDP", "InvalidAmount")]
    [InlineData("1-2-3 trillion", "InvalidAmount")]
    [InlineData("6- trillion", "InvalidAmount")]
    [InlineData("$6T-13", "InvalidAmount")]
    [InlineData("US$6B-€7B", "InvalidAmount")]
    [InlineData("-5B", "AmountNotPositive")]
    [InlineData("−5B", "AmountNotPositive")]
    [InlineData("0", "AmountNotPositive")]
    [InlineData("$0.0T", "AmountNotPositive")]
    [InlineData("$13-6 trillion", "InvalidAmountRange")]
    [InlineData("$6-6 trillion", "InvalidAmountRange")]
    [InlineData("€5B", "NonUsdAmount")]
    [InlineData("5 bn EUR", "NonUsdAmount")]
    [InlineData("£5bn", "NonUsdAmount")]
    [InlineData("¥500 billion", "NonUsdAmount")]
    [InlineData("C$5B", "NonUsdAmount")]
    [InlineData("$5B CAD", "NonUsdAmount")]
    [InlineData("5 billion SEK", "NonUsdAmount")]
    [InlineData("5 billion euros", "NonUsdAmount")]
    public void RejectsWhatIsNotAUsdAmount(string? text, string errorId)
    {
        var amount = AmountParser.Parse(text, null, out var problem);
        Assert.Null(amount);
        Assert.NotNull(problem);
        Assert.Equal(errorId, problem!.ErrorId);
        Assert.Equal(CapacityTools.Core.ProblemKind.InvalidArgument, problem.Kind);
        Assert.False(string.IsNullOrEmpty(problem.RecommendedAction));
    }

    [Fact]
    public void SaysWhatIsWrong()
    {
        AmountParser.Parse("800,5 billion", null, out var comma);
        Assert.Contains("decimal point is a dot", comma!.Message, StringComparison.Ordinal);
        AmountParser.Parse("12 apples", null, out var word);
        Assert.Contains("'apples'", word!.Message, StringComparison.Ordinal);
        AmountParser.Parse("€5B", null, out var euro);
        Assert.Contains("EUR", euro!.Message, StringComparison.Ordinal);
        Assert.Contains("-ExchangeRate", euro.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertsOtherCurrenciesWithAnExplicitRate()
    {
        var amount = AmountParser.Parse("€5B", 1.08, out var problem);
        Assert.Null(problem);
        Assert.Equal("EUR", amount!.Currency);
        Assert.Equal(5e9, amount.Low);
        Assert.Equal(5.4e9, amount.LowUsd, 1);
        var range = AmountParser.Parse("€5-6B", 1.1, out _);
        Assert.Equal(6.6e9, range!.HighUsd!.Value, 1);
    }

    [Theory]
    [InlineData("$5B", 1.1, "ExchangeRateNotNeeded")]
    [InlineData("5000000000", 1.1, "ExchangeRateNotNeeded")]
    [InlineData("€5B", 0.0, "InvalidExchangeRate")]
    [InlineData("€5B", -1.0, "InvalidExchangeRate")]
    public void RejectsARateThatDoesNotApply(string text, double rate, string errorId)
    {
        Assert.Null(AmountParser.Parse(text, rate, out var problem));
        Assert.Equal(errorId, problem!.ErrorId);
    }

    [Fact]
    public void MakesARangeOfTwoAmountsGivenApart()
    {
        var low = AmountParser.Parse("6000000000000", null, out _)!;
        var high = AmountParser.Parse("13000000000000", null, out _)!;
        var range = AmountParser.Range(low, high, out var problem);
        Assert.Null(problem);
        Assert.Equal((6e12, 13e12), (range!.LowUsd, range.HighUsd!.Value));
        Assert.Null(AmountParser.Range(high, low, out problem));
        Assert.Equal("InvalidAmountRange", problem!.ErrorId);
    }

    [Fact]
    public void IsCultureInvariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "fr-FR", "tr-TR", "hi-IN" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.Equal(1234.5e6, AmountParser.Parse("$1,234.5 million", null, out _)!.LowUsd, 1e-3);
                Assert.Equal(800e9, AmountParser.Parse("0.8T", null, out _)!.LowUsd, 1e-3);
                Assert.Null(AmountParser.Parse("800,5 billion", null, out _));
                Assert.Equal(1.2e12, AmountParser.Parse("1.2 TRILLION", null, out _)!.LowUsd, 1e-3);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
