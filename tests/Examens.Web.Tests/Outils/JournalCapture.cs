using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Examens.Web.Tests.Outils;

/// <summary>Every log line the host writes, at every level from Debug, with its scopes, state values and exception text.</summary>
public sealed class JournalCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _portees = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lignes { get; } = new();

    /// <summary>Adds this capture to a host's services, at Debug level whatever the host's own filters.</summary>
    public void Installer(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Add(new LoggerFilterRule(typeof(JournalCapture).FullName, null, LogLevel.Debug, null));
            // The one level the host forces for every provider (request lines carry query strings): kept here too.
            o.Rules.Add(new LoggerFilterRule(typeof(JournalCapture).FullName, "Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning, null));
        });
    }

    public ILogger CreateLogger(string categoryName) => new Journal(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _portees = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Journal(JournalCapture capture, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._portees.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var ligne = new System.Text.StringBuilder($"{logLevel} {categorie}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> valeurs)
            {
                foreach (var (cle, valeur) in valeurs)
                {
                    ligne.Append(System.Globalization.CultureInfo.InvariantCulture, $" | {cle}={valeur}");
                }
            }

            capture._portees.ForEachScope((portee, l) => l.Append(System.Globalization.CultureInfo.InvariantCulture, $" | portée {portee}"), ligne);
            if (exception is not null)
            {
                ligne.Append(" | ").Append(exception);
            }

            capture.Lignes.Enqueue(ligne.ToString());
        }
    }
}
