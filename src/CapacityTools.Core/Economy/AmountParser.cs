using System.Globalization;
using System.Text;

namespace CapacityTools.Core.Economy;

/// <summary>
/// Reads money amounts as people write them, culture-invariantly: "$800 billion", "800B", "0.8T",
/// "US$ 1.2 trillion", "800,000,000,000", "800bn", "1.2 tn", "8e11", and ranges "$6-13 trillion",
/// "$6T–$13T", "6 to 13 trillion". A dot is always the decimal point; commas only group thousands.
/// A currency other than US dollars is an error unless a rate (US dollars per unit) is given.
/// </summary>
public static class AmountParser
{
    private static readonly Dictionary<string, double> s_scales = new(StringComparer.Ordinal)
    {
        ["k"] = 1e3, ["thousand"] = 1e3, ["thousands"] = 1e3,
        ["m"] = 1e6, ["mn"] = 1e6, ["mm"] = 1e6, ["mio"] = 1e6, ["mln"] = 1e6, ["million"] = 1e6, ["millions"] = 1e6,
        ["b"] = 1e9, ["bn"] = 1e9, ["bln"] = 1e9, ["bil"] = 1e9, ["billion"] = 1e9, ["billions"] = 1e9,
        ["t"] = 1e12, ["tn"] = 1e12, ["tr"] = 1e12, ["trn"] = 1e12, ["tln"] = 1e12, ["trillion"] = 1e12, ["trillions"] = 1e12,
    };

    // Currency words and symbols; a bare "$" is a US dollar unless a code says otherwise.
    private static readonly Dictionary<string, string> s_currencies = new(StringComparer.Ordinal)
    {
        ["$"] = "$", ["us$"] = "USD", ["usd$"] = "USD", ["usd"] = "USD", ["us"] = "USD", ["dollar"] = "$", ["dollars"] = "$",
        ["€"] = "EUR", ["eur"] = "EUR", ["euro"] = "EUR", ["euros"] = "EUR",
        ["£"] = "GBP", ["gbp"] = "GBP", ["pound"] = "GBP", ["pounds"] = "GBP",
        ["¥"] = "¥", ["yen"] = "JPY", ["yuan"] = "CNY", ["rmb"] = "CNY", ["renminbi"] = "CNY",
        ["₹"] = "INR", ["rupee"] = "INR", ["rupees"] = "INR", ["₩"] = "KRW", ["won"] = "KRW", ["₽"] = "RUB", ["roubles"] = "RUB", ["rubles"] = "RUB",
        ["c$"] = "CAD", ["ca$"] = "CAD", ["a$"] = "AUD", ["au$"] = "AUD", ["hk$"] = "HKD", ["nz$"] = "NZD", ["s$"] = "SGD",
        ["r$"] = "BRL", ["mx$"] = "MXN", ["nt$"] = "TWD", ["fr"] = "CHF", ["francs"] = "CHF",
    };

    /// <summary>The ISO 4217 codes the parser knows by a symbol or a name (€, pounds, yen, ...), sorted; any other code written in capitals is read too.</summary>
    public static IReadOnlyList<string> KnownCurrencies { get; } =
        s_currencies.Values.Where(c => c.Length == 3 && c.All(char.IsUpper)).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();

    private static readonly string[] s_approximately = ["~", "≈", "about ", "around ", "approximately ", "approx. ", "approx ", "roughly ", "circa ", "some ", "nearly ", "almost "];

    /// <summary>
    /// Parses text; on failure returns null and sets <paramref name="problem"/>. <paramref name="usdPerUnit"/> is
    /// the rate (US dollars per unit of the amount's currency) for amounts not in US dollars.
    /// </summary>
    public static MoneyAmount? Parse(string? text, double? usdPerUnit, out Problem? problem)
    {
        problem = null;
        var original = text ?? "";
        var s = Normalize(original);
        if (s.Length == 0) return Fail(out problem, ErrorIds.EmptyAmount, original, "The amount is empty.");
        if (s.IndexOf('%') >= 0) return Fail(out problem, ErrorIds.InvalidAmount, original, $"'{original}' is a percentage, not an amount of money.");

        var between = false;
        foreach (var prefix in s_approximately.Prepend("between "))
        {
            if (!s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            between |= prefix == "between ";
            s = s.Substring(prefix.Length).TrimStart();
        }
        // A minus before the first digit, after a currency or not ("-5B", "$-5B", "USD −5 bn"), is a negative amount, never a range.
        var firstDigit = s.IndexOfAny("0123456789".ToCharArray());
        var minus = s.IndexOfAny(['-', '−', '–']);
        if (minus >= 0 && (firstDigit < 0 || minus < firstDigit))
            return Fail(out problem, ErrorIds.AmountNotPositive, original, $"'{original}' is negative; an amount to compare with GDP must be more than zero.");

        var parts = SplitRange(s, between, out var separatorError);
        if (separatorError is not null) return Fail(out problem, ErrorIds.InvalidAmount, original, $"'{original}': {separatorError}");

        var terms = new List<Term>();
        foreach (var part in parts)
        {
            var term = ParseTerm(part, out var error);
            if (term is null) return Fail(out problem, ErrorIds.InvalidAmount, original, $"'{original}' is not an amount: {error}");
            terms.Add(term);
        }

        // Currency: one for the whole amount; a code beats a bare "$".
        var codes = terms.SelectMany(t => t.Currencies).Distinct(StringComparer.Ordinal).ToList();
        var specific = codes.Where(c => c != "$").ToList();
        if (specific.Count > 1)
            return Fail(out problem, ErrorIds.InvalidAmount, original, $"'{original}' names more than one currency ({string.Join(", ", specific)}).");
        var currency = specific.Count == 1 ? specific[0] : "USD";

        // Scale: a range may give it once, after the second figure ("$6-13 trillion").
        var low = terms[0];
        if (terms.Count == 2)
        {
            var high = terms[1];
            if (low.Scale is null && high.Scale is not null) low.Scale = high.Scale;
            else if (low.Scale is not null && high.Scale is null)
                return Fail(out problem, ErrorIds.InvalidAmount, original, $"'{original}': write the scale after the second figure too (e.g. '$6T-$13T' or '$6-13 trillion').");
        }
        var lowValue = low.Value * (low.Scale ?? 1);
        double? highValue = terms.Count == 2 ? terms[1].Value * (terms[1].Scale ?? 1) : null;

        if (lowValue <= 0 || highValue is <= 0)
            return Fail(out problem, ErrorIds.AmountNotPositive, original, $"'{original}' is not more than zero.");
        if (Math.Max(lowValue, highValue ?? 0) * (usdPerUnit ?? 1) > GdpEditionBuilder.MaxGdpUsd)
            return Fail(out problem, ErrorIds.InvalidAmount, original, $"'{SafeText.Quote(original)}' is more than ten times world GDP, too large to be a market or a budget.");
        if (highValue is { } h && h <= lowValue)
            return Fail(out problem, ErrorIds.InvalidAmountRange, original, $"'{original}': the range's high end is not above its low end.");

        return Finish(original, currency, lowValue, highValue, usdPerUnit, out problem);
    }

    /// <summary>A range from two amounts given apart (e.g. a Value and a ValueHigh column).</summary>
    public static MoneyAmount? Range(MoneyAmount low, MoneyAmount high, out Problem? problem)
    {
        problem = null;
        var text = $"{low.Text}-{high.Text}";
        if (low.IsRange || high.IsRange) return Fail(out problem, ErrorIds.InvalidAmountRange, text, $"'{text}': each end of a range must be a single figure.");
        if (!string.Equals(low.Currency, high.Currency, StringComparison.Ordinal))
            return Fail(out problem, ErrorIds.InvalidAmount, text, $"'{text}' names more than one currency ({low.Currency}, {high.Currency}).");
        if (high.LowUsd <= low.LowUsd) return Fail(out problem, ErrorIds.InvalidAmountRange, text, $"'{text}': the range's high end is not above its low end.");
        return new MoneyAmount { Text = text, Currency = low.Currency, Low = low.Low, High = high.Low, UsdPerUnit = low.UsdPerUnit };
    }

    private static MoneyAmount? Finish(string text, string currency, double low, double? high, double? usdPerUnit, out Problem? problem)
    {
        problem = null;
        if (usdPerUnit is { } rate && (rate <= 0 || double.IsNaN(rate) || double.IsInfinity(rate)))
            return Fail(out problem, ErrorIds.InvalidExchangeRate, text, $"The exchange rate {rate.ToString("R", CultureInfo.InvariantCulture)} is not more than zero.");
        if (currency == "USD")
        {
            if (usdPerUnit is not null)
                return Fail(out problem, ErrorIds.ExchangeRateNotNeeded, text, $"'{text}' is already in US dollars; -ExchangeRate is for amounts written in another currency (€5B, 5 bn EUR).");
            return new MoneyAmount { Text = text, Currency = "USD", Low = low, High = high };
        }
        if (usdPerUnit is null)
        {
            problem = new Problem(ErrorIds.NonUsdAmount, ProblemKind.InvalidArgument,
                $"'{text}' is in {currency}; GDP figures are in US dollars.", text,
                recommendedAction: $"Convert it to US dollars first, or give the rate with -ExchangeRate (US dollars per {currency}, e.g. -ExchangeRate 1.08).");
            return null;
        }
        return new MoneyAmount { Text = text, Currency = currency, Low = low, High = high, UsdPerUnit = usdPerUnit };
    }

    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is '\u00A0' or '\u2007' or '\u2009' or '\u202F' or '\t' ? ' ' : c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>Splits "6-13 trillion", "$6T–$13T", "6 to 13 trillion" into two parts; one part otherwise.</summary>
    private static List<string> SplitRange(string s, bool between, out string? error)
    {
        error = null;
        var cuts = new List<(int Index, int Length)>();
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '–' or '—' or '‒' or '−') cuts.Add((i, 1));
            else if (c == '-' && !(s[i - 1] is 'e' or 'E' && i >= 2 && Ascii.IsDigit(s[i - 2]))) cuts.Add((i, 1));
        }
        foreach (var word in between ? new[] { " to ", " and " } : [" to "])
        {
            for (var i = s.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = s.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
                cuts.Add((i, word.Length));
        }
        if (cuts.Count == 0) return [s];
        if (cuts.Count > 1)
        {
            error = "a range has two figures (e.g. '$6-13 trillion').";
            return [];
        }
        var (index, length) = cuts[0];
        var left = s.Substring(0, index).Trim();
        var right = s.Substring(index + length).Trim();
        if (left.Length == 0 || right.Length == 0)
        {
            error = "a range needs a figure on each side of the dash.";
            return [];
        }
        return [left, right];
    }

    private sealed class Term
    {
        public double Value;
        public double? Scale;
        public List<string> Currencies = [];
    }

    private static Term? ParseTerm(string text, out string? error)
    {
        error = null;
        var start = 0;
        while (start < text.Length && !Ascii.IsDigit(text[start]) && !(text[start] == '.' && start + 1 < text.Length && Ascii.IsDigit(text[start + 1]))) start++;
        if (start == text.Length)
        {
            error = "it has no figure (write digits, e.g. '$800 billion' or '800B').";
            return null;
        }
        var term = new Term();
        var prefix = text.Substring(0, start).Replace(" ", "").ToLowerInvariant();
        if (prefix.Length > 0)
        {
            var currency = Currency(prefix.Replace(".", ""), text.Substring(0, start).Trim());
            if (currency is null)
            {
                error = $"'{text.Substring(0, start).Trim()}' before the figure is not a currency.";
                return null;
            }
            term.Currencies.Add(currency);
        }

        // The figure: digits with optional thousands groups, one decimal point, an optional exponent.
        var end = start;
        while (end < text.Length && (Ascii.IsDigit(text[end]) || text[end] is ',' or '.')) end++;
        if (end < text.Length && text[end] is 'e' or 'E')
        {
            var e = end + 1;
            if (e < text.Length && text[e] == '+') e++;
            if (e < text.Length && Ascii.IsDigit(text[e]))
            {
                while (e < text.Length && Ascii.IsDigit(text[e])) e++;
                end = e;
            }
        }
        var figure = text.Substring(start, end - start);
        if (!TryParseFigure(figure, out term.Value, out error)) return null;

        foreach (var raw in text.Substring(end).Split([' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.ToLowerInvariant().TrimEnd('.');
            var bare = word.Replace(".", "");
            if (s_scales.TryGetValue(bare, out var scale))
            {
                if (term.Scale is not null)
                {
                    error = $"it gives the scale twice ('{raw}').";
                    return null;
                }
                term.Scale = scale;
                continue;
            }
            // Scale written onto a currency symbol or the other way round is not supported; one word, one meaning.
            var currency = Currency(bare, raw.TrimEnd('.'));
            if (currency is not null)
            {
                term.Currencies.Add(currency);
                continue;
            }
            error = $"'{raw}' is neither a scale (k, M, B, T, thousand, million, billion, trillion, bn, tn) nor a currency.";
            return null;
        }
        return term;
    }

    private static bool TryParseFigure(string figure, out double value, out string? error)
    {
        value = 0;
        error = null;
        var point = figure.IndexOf('.');
        if (point >= 0 && figure.IndexOf('.', point + 1) >= 0)
        {
            error = $"'{figure}' has more than one decimal point.";
            return false;
        }
        if (figure.IndexOf(',') >= 0)
        {
            var integer = point >= 0 ? figure.Substring(0, point) : figure;
            var groups = integer.Split(',');
            var valid = groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3) && (point < 0 || figure.IndexOf(',', point) < 0);
            if (!valid)
            {
                error = $"'{figure}' is not a number: a comma may only separate groups of three digits, and the decimal point is a dot (800.5, not 800,5).";
                return false;
            }
            figure = figure.Replace(",", "");
        }
        if (figure.EndsWith(".", StringComparison.Ordinal) || !double.TryParse(figure, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            || double.IsInfinity(value))
        {
            error = $"'{figure}' is not a number.";
            return false;
        }
        return true;
    }

    private static string? Currency(string word, string written)
    {
        if (s_currencies.TryGetValue(word, out var code)) return code;
        // Any other ISO 4217 code, written as codes are, in capitals (CAD, SEK); scale words were tried first.
        return written.Length == 3 && written.All(c => c is >= 'A' and <= 'Z') ? written : null;
    }

    private static MoneyAmount? Fail(out Problem? problem, string id, string text, string message)
    {
        problem = new Problem(id, ProblemKind.InvalidArgument, message, text,
            recommendedAction: "Write an amount in US dollars such as '$800 billion', '800B', '0.8T', '800,000,000,000' or a range '$6-13 trillion'.");
        return null;
    }
}
