namespace CapacityTools.Core.Tests;

/// <summary>An <see cref="IProblemSink"/> that keeps what it is told, for assertions.</summary>
internal sealed class ListSink : IProblemSink
{
    public List<Problem> Problems { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Verbose { get; } = [];

    void IProblemSink.Problem(Problem problem) => Problems.Add(problem);
    void IProblemSink.Warning(string message) => Warnings.Add(message);
    void IProblemSink.Verbose(string message) => Verbose.Add(message);
}

/// <summary>An <see cref="IProblemSink"/> for inputs that must have no problem: the first one fails the test.</summary>
internal sealed class ThrowingSink : IProblemSink
{
    void IProblemSink.Problem(Problem problem) => throw new InvalidOperationException(problem.FullMessage);
    void IProblemSink.Warning(string message) { }
    void IProblemSink.Verbose(string message) { }
}
