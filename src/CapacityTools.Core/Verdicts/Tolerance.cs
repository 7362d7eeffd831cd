namespace CapacityTools.Core.Verdicts;

/// <summary>The default tolerances and the one rule of agreement every verdict uses.</summary>
public static class Tolerance
{
    /// <summary>GPU-equivalence claims: 5 %, enough for the rounding of "about 110,000".</summary>
    public const double DefaultGpu = 0.05;
    /// <summary>Money set against economies ("rivals", "as large as"): 20 %.</summary>
    public const double DefaultMoney = 0.20;

    /// <summary>Supported when claimed/measured is within [1 - tolerance, 1 + tolerance]; otherwise over- or understated.</summary>
    public static ClaimVerdict Judge(double claimed, double measured, double tolerance)
    {
        var ratio = claimed / measured;
        if (ratio > 1 + tolerance) return ClaimVerdict.Overstated;
        if (ratio < 1 - tolerance) return ClaimVerdict.Understated;
        return ClaimVerdict.Supported;
    }

    /// <summary>Whether a range [low, high] of claimed over measured overlaps the agreement band.</summary>
    public static bool Overlaps(double lowRatio, double highRatio, double tolerance) => highRatio >= 1 - tolerance && lowRatio <= 1 + tolerance;
}
