System.Console.WriteLine("Maxxit sample");
