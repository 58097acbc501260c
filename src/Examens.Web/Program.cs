using Examens.Web;

var app = ExamensWebHost.Construire(WebApplication.CreateBuilder(args));
app.Run();
