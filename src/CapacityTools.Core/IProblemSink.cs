namespace CapacityTools.Core;

/// <summary>
/// The one channel through which core operations report what is not a result: a problem with one item (the
/// rest goes on), a warning, a verbose note. The PowerShell layer implements it once (CapacityCmdlet), mapping
/// each to WriteError, WriteWarning and WriteVerbose; tests collect into lists.
/// </summary>
public interface IProblemSink
{
    void Problem(Problem problem);

    void Warning(string message);

    void Verbose(string message);
}
