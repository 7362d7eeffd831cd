using System.Runtime.CompilerServices;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// The resolver's hot methods are compiled optimised at their first call (MethodImplOptions.AggressiveOptimization,
/// which netstandard2.0 does not name; .NET Framework ignores it). Under tiered compilation a fresh process would
/// otherwise resolve its first tens of thousands of distinct names with unoptimised code: 100,000 names took 2.4-3.4 s
/// cold against 0.6 s with the JIT's tiers off (bench/Resolve.Bench.ps1 on a loaded 2-core machine).
/// </summary>
internal static class JitNow
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
