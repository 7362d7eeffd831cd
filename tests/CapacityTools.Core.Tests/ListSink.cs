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
