using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Examens.Web.Tests.Outils;

/// <summary>
/// Test host only: GET /test/retenue enters the portal's pipeline (admission included), says so, and stays in
/// progress until the test releases it, so a test can fill a node without timing anything.
/// </summary>
public sealed class RequeteRetenue : IStartupFilter
{
    public const string Chemin = "/test/retenue";

    private readonly Channel<bool> _entrees = Channel.CreateUnbounded<bool>();
    private readonly TaskCompletionSource _liberation = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        // Appended after the portal's own pipeline: only a path no page or endpoint answers gets here, inside admission.
        app.Use(async (http, suite) =>
        {
            if (!http.Request.Path.Equals(Chemin, StringComparison.Ordinal))
            {
                await suite(http);
                return;
            }

            _entrees.Writer.TryWrite(true);
            await _liberation.Task.WaitAsync(http.RequestAborted);
            await http.Response.WriteAsync("libérée", http.RequestAborted);
        });
    };

    /// <summary>Waits until <paramref name="nombre"/> more requests are held inside.</summary>
    public async Task AttendreEntreesAsync(int nombre, CancellationToken annulation)
    {
        for (var i = 0; i < nombre; i++)
        {
            await _entrees.Reader.ReadAsync(annulation);
        }
    }

    public void Liberer() => _liberation.TrySetResult();
}
