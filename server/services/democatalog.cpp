// placeholder until the generator lands
#include "democatalog.h"
