// placeholder until the Tasks module lands
