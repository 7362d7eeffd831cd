#if !NETCOREAPP3_0_OR_GREATER
namespace System.Diagnostics.CodeAnalysis;

// netstandard2.0 lacks the nullable flow attributes; the compiler recognises them by name, so the core
// declares the one it uses and callers need no '!' after a failed Try method's problem.

/// <summary>The out parameter is not null when the method returns <see cref="ReturnValue"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class NotNullWhenAttribute(bool returnValue) : Attribute
{
    public bool ReturnValue { get; } = returnValue;
}
#endif
