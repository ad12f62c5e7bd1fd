"""What every full-screen app shares: a window too small said as such, and an app that stays up
whatever a screen raises."""
