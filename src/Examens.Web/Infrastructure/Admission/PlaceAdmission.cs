namespace Examens.Web.Infrastructure.Admission;

/// <summary>A place held in the <see cref="PorteAdmission"/>; disposing it frees the place once, however often it is called.</summary>
public sealed class PlaceAdmission : IDisposable
{
    private PorteAdmission? _porte;

    internal PlaceAdmission(PorteAdmission porte) => _porte = porte;

    public void Dispose() => Interlocked.Exchange(ref _porte, null)?.Liberer();
}
