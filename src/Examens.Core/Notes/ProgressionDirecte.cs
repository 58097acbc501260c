namespace Examens.Core.Notes;

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool and may report after the end).</summary>
public sealed class ProgressionDirecte<T>(Action<T> action) : IProgress<T>
{
    public void Report(T value) => action(value);
}
