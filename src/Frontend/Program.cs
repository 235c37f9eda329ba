using ChatbotOrleans.Frontend.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddFrontend();

var app = builder.Build();
app.UseFrontend();
app.Run();
