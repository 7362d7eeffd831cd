namespace CapacityTools.Core.Economy;

/// <summary>What a GDP figure is: an outturn, a staff estimate of the past, or a forecast.</summary>
public enum GdpStatus
{
    /// <summary>At or before the publisher's latest-actual year for the economy.</summary>
    Actual,
    /// <summary>After the latest-actual year but before the edition's first projection year (an IMF staff estimate).</summary>
    Estimate,
    /// <summary>At or after the edition's first projection year.</summary>
    Projection,
}
