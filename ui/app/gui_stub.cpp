#include "ui/app/gui.hpp"
namespace panelist {
int run_gui(Database&, const GuiOptions&) { return 0; }
}
